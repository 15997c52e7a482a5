package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AccountApi;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * An account whose security info is all gone (here the help desk removed it through Keycloak's admin API) is no blank
 * slate for whoever holds its password: registering again needs a code sent to the account's own address, every
 * contact the account ever had is told, and the audit records it.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class RegisteringAgainIT {

    static final String REALM = "sspr-register-again";
    static final String PASSWORD = "Again-Passw0rd!";
    static final String RITA = "rita";
    static final String RITA_ADDRESS = "rita@again.example";
    static final String RITA_ALTERNATE = "rita.home@again.example";
    static final String RITA_PHONE = "+4917000000601";
    static final String NORA = "nora";
    static final String REMY = "remy";
    static final String REMY_ADDRESS = "remy@again.example";
    static final String MALLORY = "mallory@attacker.example";
    static final String ATTACKER_PHONE = "+4917000000699";
    static final String CODE_SUBJECT = "Your " + REALM + " verification code";
    static final String TITLE = "Keep your account recoverable";
    static final String ASKED = "All methods were removed from your security info";
    static final String NOTICE = "All methods had been removed from the security info of your account rita";

    @InjectRealm(config = AgainRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void registeringAgainNeedsTheAccountAddressAndIsToldEverywhere() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        assertThat(TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), REALM, RITA, PASSWORD)))
                .as("Rita signs in as every day").isTrue();
        removeAllMethods(RITA);

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), REALM, RITA, PASSWORD);
            assertThat(attacker.textOf("sspr-page-title")).isEqualTo(TITLE);

            attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));

            assertThat(attacker.html()).as("the account address is asked, not the new phone").contains(ASKED)
                    .contains("r•••@").doesNotContain(RITA_ADDRESS);
            String code = Codes.in(MailContent.text(new Inbox(mailServer).awaitMailWithSubject(RITA_ADDRESS,
                    CODE_SUBJECT)));
            attacker.submit(Map.of("code", Codes.wrongFor(code)));
            assertThat(attacker.html()).as("a wrong code changes nothing").contains(ASKED);
            attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));
            assertThat(RegistrationAdmin.credentialTypes(realm, RITA)).as("nothing registered").isEmpty();

            // Whoever reads the account mailbox (Rita) goes on, and every contact Rita ever had is told.
            FormBrowser owner = TestAppLogin.submitPassword(urls.getBase(), REALM, RITA, PASSWORD);
            owner.submit(Map.of("action", "add-phone", "phone", RITA_PHONE));
            String ownersCode = Codes.in(MailContent.text(awaitSecondCode()));
            owner.submit(Map.of("code", ownersCode));
            assertThat(owner.html()).doesNotContain(ASKED);
            for (String address : List.of(RITA_ADDRESS, RITA_ALTERNATE)) {
                assertThat(MailContent.text(new Inbox(mailServer).awaitMail(address,
                        "Your " + REALM + " security info changed", NOTICE))).contains(NOTICE);
            }
            // The phone she typed before the proof gets its code at once; as her former phone, it is told too
            // (both leave after the page, in either order).
            List<RecordedTwilioRequest> texts = twilio.twilio().awaitRequests(2, Duration.ofSeconds(10));
            assertThat(texts).extracting(RecordedTwilioRequest::to).containsOnly(RITA_PHONE);
            assertThat(texts).filteredOn(t -> t.body().contains("the security info of your account rita was changed"))
                    .as("Rita's former phone is texted").hasSize(1);
            String smsCode = Codes.in(texts.stream()
                    .filter(t -> !t.body().contains("security info")).findFirst().orElseThrow().body());
            owner.submit(Map.of("action", "verify", "code", smsCode));
            assertThat(owner.html()).contains("The method has been added.");
        }

        assertThat(auditOf(RITA)).contains("registering-again success", "registering-again failure");
    }

    @Test
    void withoutAnAccountAddressOnlyTheHelpDeskCanHelp() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        // Accounts without an address, as many a directory has: the user profile does not ask for one.
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig optionalEmail = realm.admin().users().userProfile().getConfiguration();
        optionalEmail.getAttribute("email").setRequired(null);
        realm.admin().users().userProfile().update(optionalEmail);
        realm.cleanup().add(r -> r.users().userProfile().update(original));
        assertThat(TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), REALM, NORA, PASSWORD)))
                .isTrue();
        removeAllMethods(NORA);

        FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), REALM, NORA, PASSWORD);
        attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));

        assertThat(attacker.html()).contains("your account has no email address to confirm it is you")
                .as("the owner is not locked out of signing in").contains("sspr-skip");
        assertThat(RegistrationAdmin.credentialTypes(realm, NORA)).isEmpty();
    }

    /**
     * Whoever holds the password changes the account's email to their own once all methods are gone: the code still
     * goes to the address the account had while it had security info.
     */
    @Test
    void theAddressProvenIsTheOneTheAccountHadNotTheOneJustTypedIn() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));
        assertThat(TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), REALM, REMY, PASSWORD)))
                .isTrue();
        removeAllMethods(REMY);

        FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), REALM, REMY, PASSWORD);
        assertThat(TestAppLogin.signedIn(attacker.submit(Map.of("action", "skip")))).as("put off").isTrue();
        assertThat(AccountApi.signedInPuttingOffSecurityInfo(urls.getBase(), REALM, attacker)
                .changeOwnEmail(MALLORY)).isEqualTo(204);
        assertThat(realm.admin().users().get(RegistrationAdmin.userId(realm, REMY)).toRepresentation().getEmail())
                .isEqualTo(MALLORY);
        FormBrowser again = TestAppLogin.submitPassword(urls.getBase(), REALM, REMY, PASSWORD);
        again.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));

        assertThat(again.html()).contains(ASKED).contains("r•••@");
        new Inbox(mailServer).awaitMailWithSubject(REMY_ADDRESS, CODE_SUBJECT);
        assertThat(new Inbox(mailServer).mailsTo(MALLORY)).as("the one code went to Remy's address").isEmpty();
    }

    /** The code mail that came after the attacker's: the owner's own request. */
    private jakarta.mail.internet.MimeMessage awaitSecondCode() throws Exception {
        List<jakarta.mail.internet.MimeMessage> codes = new ArrayList<>();
        for (long deadline = System.currentTimeMillis() + 15_000; codes.size() < 2
                && System.currentTimeMillis() < deadline; Thread.sleep(100)) {
            codes.clear();
            for (jakarta.mail.internet.MimeMessage mail : new Inbox(mailServer).mailsTo(RITA_ADDRESS)) {
                if (CODE_SUBJECT.equals(mail.getSubject())) {
                    codes.add(mail);
                }
            }
        }
        assertThat(codes).as("the owner's code mail").hasSizeGreaterThanOrEqualTo(2);
        return codes.get(codes.size() - 1);
    }

    /** The help desk removes every method in the admin console (Keycloak's own admin API). */
    private void removeAllMethods(String username) {
        UserResource user = realm.admin().users().get(RegistrationAdmin.userId(realm, username));
        for (CredentialRepresentation credential : user.credentials()) {
            if (!"password".equals(credential.getType())) {
                user.removeCredential(credential.getId());
            }
        }
        assertThat(RegistrationAdmin.credentialTypes(realm, username)).isEmpty();
    }

    /** "step outcome" of the user's security-info audit rows. */
    private List<String> auditOf(String username) throws Exception {
        JsonNode rows = new SsprAdminApi(urls.getBase(), REALM, adminClient).get(
                "audit?activity=security_info_changed&user=" + RegistrationAdmin.userId(realm, username));
        List<String> rowsText = new ArrayList<>();
        rows.forEach(row -> rowsText.add(row.path("step").asText() + " " + row.path("outcome").asText()));
        return rowsText;
    }

    public static final class AgainRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            String confirmed = Long.toString(Instant.now().getEpochSecond());
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")))
                    .users(UserBuilder.create(RITA).email(RITA_ADDRESS).emailVerified(true).name("Rita", "Example")
                                    .password(PASSWORD).enabled(true).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone(RITA_PHONE))
                                    .credential(SeededCredentials.alternateEmail(RITA_ALTERNATE))
                                    .attribute("sspr.confirmedAt", confirmed),
                            UserBuilder.create(REMY).email(REMY_ADDRESS).emailVerified(true).name("Remy", "Example")
                                    .password(PASSWORD).enabled(true).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000603"))
                                    .attribute("sspr.confirmedAt", confirmed),
                            UserBuilder.create(NORA).name("Nora", "Example")
                                    .password(PASSWORD).enabled(true).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000602"))
                                    .attribute("sspr.confirmedAt", confirmed));
        }
    }
}
