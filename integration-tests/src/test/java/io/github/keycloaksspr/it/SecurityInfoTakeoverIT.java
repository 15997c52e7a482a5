package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.AccountApi;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.Totp;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
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
 * Someone who phished only Vera's password signs in and tries to make her account theirs by registering their own
 * phone or address (to reset it with later), or by removing hers. The pack's event listener is off in this realm:
 * the security-info page tells Vera's contacts itself.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class SecurityInfoTakeoverIT {

    static final String PASSWORD = "Vera-Passw0rd!";
    static final String VERA = "vera";
    static final String VERA_EMAIL = "vera@takeover.example";
    static final String VERA_PHONE = "+4917000000401";
    static final String VERA_ALTERNATE = "vera.home@takeover.example";
    static final String ATTACKER_PHONE = "+4917000000499";
    static final String ATTACKER_ADDRESS = "mallory@attacker.example";
    static final String VERA_NEW_PHONE = "+4917000000402";
    static final String WANDA = "wanda";
    static final String WALT = "walt";
    static final String QUENTIN = "quentin";

    @InjectRealm(config = TakeoverRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void thePasswordAloneChangesNothingAndTheOwnersChangeIsToldToHerOldContacts() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser attacker = securityInfoPage();
            String phoneId = RegistrationAdmin.credentialId(realm, VERA, "sspr-mobile-phone");

            attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));
            assertThat(ExistingMethodProof.asked(attacker)).as("adding a phone").isTrue();
            assertThat(attacker.html()).contains("sspr-method-sspr-sms").contains("sspr-method-sspr-email")
                    .doesNotContain(VERA_PHONE).doesNotContain(VERA_ALTERNATE);
            attacker.submit(Map.of("action", "add-email", "email", ATTACKER_ADDRESS));
            assertThat(ExistingMethodProof.asked(attacker)).as("adding an address").isTrue();
            attacker.submit(Map.of("removeCredential", phoneId));
            assertThat(ExistingMethodProof.asked(attacker)).as("removing the phone").isTrue();
            // Nor through Keycloak's own removal (the Account Console's Remove, the account REST API).
            FormBrowser signedIn = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), VERA, PASSWORD);
            assertThat(AccountApi.signedIn(urls.getBase(), realm.getName(), signedIn).remove(phoneId)).isEqualTo(400);
            // Guessing the code sent to Vera's phone does not help either.
            attacker.submit(Map.of("method", "sspr-sms"));
            attacker.submit(Map.of("code", "000000"));
            attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));
            assertThat(ExistingMethodProof.asked(attacker)).isTrue();

            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("only Vera's own phone got a text (the code)")
                    .extracting(RecordedTwilioRequest::to).containsOnly(VERA_PHONE);
            assertThat(new Inbox(mailServer).mailsTo(ATTACKER_ADDRESS)).isEmpty();
            assertThat(RegistrationAdmin.credentialTypes(realm, VERA))
                    .containsExactlyInAnyOrder("sspr-mobile-phone", "sspr-alternate-email");

            // Vera herself proves her phone, then replaces it: her old phone and her addresses are told.
            int texts = twilio.twilio().requests().size();
            FormBrowser vera = securityInfoPage();
            vera.submit(Map.of("action", "add-phone", "phone", VERA_NEW_PHONE));
            ExistingMethodProof.bySms(vera, twilio.twilio());
            // The change she asked for goes on after the proof: a code to the new phone, without typing it again.
            List<RecordedTwilioRequest> sent = twilio.twilio().awaitRequests(texts + 2, Duration.ofSeconds(10));
            assertThat(sent.get(texts + 1).to()).isEqualTo(VERA_NEW_PHONE);
            vera.submit(Map.of("action", "verify", "code", Codes.in(sent.get(texts + 1).body())));
            assertThat(vera.html()).contains("The method has been added.");

            RecordedTwilioRequest notice = twilio.twilio().awaitRequests(texts + 3, Duration.ofSeconds(10))
                    .get(texts + 2);
            assertThat(notice.to()).as("the phone registered before").isEqualTo(VERA_PHONE);
            assertThat(notice.body()).contains("the security info of your account vera was changed")
                    .doesNotContain(VERA_NEW_PHONE);
        }
        for (String address : List.of(VERA_EMAIL, VERA_ALTERNATE)) {
            assertThat(MailContent.text(new Inbox(mailServer).awaitMail(address, "Your sspr-takeover security info changed",
                    "A method was added"))).contains("Mobile phone").contains("127.0.0.1");
        }
    }

    /**
     * Keycloak lets whoever is signed in set up an authenticator app through its own action, without the pack's page
     * and its proof: such an app does not prove a reset.
     */
    @Test
    void anAuthenticatorAppSetUpWithOnlyThePasswordDoesNotProveAReset() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), WALT, PASSWORD);
        assertThat(TestAppLogin.signedIn(attacker)).isTrue();
        attacker.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), "CONFIGURE_TOTP"));
        Matcher secret = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"").matcher(attacker.html());
        assertThat(secret.find()).as("Keycloak's own authenticator-app page").isTrue();
        attacker.submit(Map.of("totp", Totp.now(secret.group(1)), "totpSecret", secret.group(1),
                "userLabel", "Mallory's phone"));
        assertThat(RegistrationAdmin.credentials(realm, WALT)).extracting(CredentialRepresentation::getType)
                .as("Keycloak stored the app").contains("otp");

        ResetJourney reset = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(WALT);

        assertThat(reset.html()).as("the app is not offered to prove Walt").contains("sspr-method-sspr-sms")
                .doesNotContain("sspr-method-sspr-totp");
    }

    /**
     * In a realm whose user profile lets users write unmanaged attributes, the password holder also writes the pack's
     * vetting record (the app's id as "set up through the page", a first sight far in the future) through the account
     * REST API: the record is the user's own writing there, and the app still proves nothing.
     */
    @Test
    void aForgedVettingRecordDoesNotMakeTheAppCount() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        // Wanda signs in before the realm opens its attributes: her record is the pack's by then.
        assertThat(TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), realm.getName(), WANDA,
                PASSWORD))).isTrue();
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig open = realm.admin().users().userProfile().getConfiguration();
        open.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        realm.admin().users().userProfile().update(open);
        realm.cleanup().add(r -> r.users().userProfile().update(original));

        FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), WANDA, PASSWORD);
        attacker.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), "CONFIGURE_TOTP"));
        Matcher secret = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"").matcher(attacker.html());
        assertThat(secret.find()).as(attacker.html()).isTrue();
        attacker.submit(Map.of("totp", Totp.now(secret.group(1)), "totpSecret", secret.group(1),
                "userLabel", "Mallory's phone"));
        String appId = RegistrationAdmin.credentialId(realm, WANDA, "otp");
        AccountApi console = AccountApi.signedIn(urls.getBase(), realm.getName(), attacker);
        assertThat(console.writeOwnAttributes(Map.of("sspr.vettedCredentials", List.of(appId),
                "sspr.vettedUntil", List.of(Long.toString(Long.MAX_VALUE / 2))))).isEqualTo(204);
        assertThat(realm.admin().users().get(RegistrationAdmin.userId(realm, WANDA)).toRepresentation()
                .getAttributes()).as("the forged record is stored").containsKey("sspr.vettedCredentials");

        ResetJourney reset = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(WANDA);
        assertThat(reset.html()).as("the app is not offered to prove Wanda").contains("sspr-method-sspr-sms")
                .doesNotContain("sspr-method-sspr-totp");
    }

    /** Security questions alone never prove it is the user: with nothing else, the password holder changes nothing. */
    @Test
    void withOnlySecurityQuestionsNothingCanBeChangedWithThePassword() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            // Questions are one of the two methods required: the page comes at sign-in.
            FormBrowser attacker = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), QUENTIN, PASSWORD);
            assertThat(attacker.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
            assertThat(attacker.html()).doesNotContain("sspr-skip");

            attacker.submit(Map.of("action", "add-phone", "phone", ATTACKER_PHONE));

            assertThat(attacker.html()).contains("None of your methods can confirm it is you");
            assertThat(attacker.html()).as("the owner is not locked out of signing in").contains("sspr-skip");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).isEmpty();
            assertThat(RegistrationAdmin.credentialTypes(realm, QUENTIN)).containsExactly("sspr-security-questions");
        }
    }

    private FormBrowser securityInfoPage() throws Exception {
        return securityInfoPage(VERA);
    }

    /** Signed in with the password, then the Account Console's "Set up" (application-initiated action). */
    private FormBrowser securityInfoPage(String username) throws Exception {
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, PASSWORD);
        assertThat(TestAppLogin.signedIn(browser)).isTrue();
        browser.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), "sspr-register-security-info"));
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        return browser;
    }

    public static final class TakeoverRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // No "sspr" event listener: the notices must not depend on it.
            return SsprResetRealm.configure(realm.name("sspr-takeover"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-totp##sspr-questions",
                            "sspr.methods.required", "2",
                            "sspr.budget.sends.per.user", "20"))
                    .users(UserBuilder.create(VERA).email(VERA_EMAIL).emailVerified(true).name("Vera", "Example")
                            .password(PASSWORD).enabled(true).realmRoles("default-roles-sspr-takeover")
                            .credential(SeededCredentials.mobilePhone(VERA_PHONE))
                            .credential(SeededCredentials.alternateEmail(VERA_ALTERNATE))
                            .attribute("sspr.confirmedAt", Long.toString(System.currentTimeMillis() / 1000)),
                            UserBuilder.create(QUENTIN).email("quentin@takeover.example").emailVerified(true)
                                    .name("Quentin", "Example").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-sspr-takeover")
                                    .credential(SeededCredentials.securityQuestions(Map.of(
                                            "ssprQuestionFirstPet", "Rex", "ssprQuestionBirthCity", "Hamburg",
                                            "ssprQuestionFirstSchool", "Lindenschule")))
                                    .attribute("sspr.confirmedAt", Long.toString(System.currentTimeMillis() / 1000)),
                            UserBuilder.create(WANDA).email("wanda@takeover.example").emailVerified(true)
                                    .name("Wanda", "Example").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-sspr-takeover")
                                    .credential(SeededCredentials.mobilePhone("+4917000000412"))
                                    .credential(SeededCredentials.alternateEmail("wanda.home@takeover.example"))
                                    .attribute("sspr.confirmedAt", Long.toString(System.currentTimeMillis() / 1000)),
                            UserBuilder.create(WALT).email("walt@takeover.example").emailVerified(true)
                                    .name("Walt", "Example").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-sspr-takeover")
                                    .credential(SeededCredentials.mobilePhone("+4917000000411"))
                                    .credential(SeededCredentials.alternateEmail("walt.home@takeover.example"))
                                    .attribute("sspr.confirmedAt", Long.toString(System.currentTimeMillis() / 1000)));
        }
    }
}
