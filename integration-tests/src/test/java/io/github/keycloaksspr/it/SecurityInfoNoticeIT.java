package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

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
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
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
 * Security-info change notices: removing an alternate address in the Account Console tells the user at the account
 * address, at the remaining alternate address and at the address that was removed; adding one on the registration
 * page tells the new address too.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class SecurityInfoNoticeIT {

    static final String REALM = "sspr-info-notice";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String SINA = "sina";
    static final String PRIMARY = "sina@notice.example";
    static final String KEPT = "sina.kept@notice.example";
    static final String REMOVED = "sina.old@notice.example";
    static final String ADDED = "sina.new@notice.example";
    static final String SUBJECT = "Your " + REALM + " security info changed";

    @InjectRealm(config = NoticeRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    /** The test app's redirect URI lives here. */
    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void removedAndAddedAddressesAreToldAtTheOldAndTheNewContact() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), REALM, SINA, PASSWORD);
        assertThat(TestAppLogin.signedIn(browser)).isTrue();
        AccountApi account = AccountApi.signedIn(urls.getBase(), REALM, browser);

        // The Account Console lists both addresses, but its Remove is refused: removal happens on the page.
        JsonNode emails = account.credentialType("sspr-alternate-email").path("userCredentialMetadatas");
        assertThat(emails).hasSize(2);
        String removedId = RegistrationAdmin.credentials(realm, SINA).stream()
                .filter(c -> c.getCredentialData() != null && c.getCredentialData().contains(REMOVED))
                .findFirst().orElseThrow().getId();
        assertThat(account.remove(removedId)).isEqualTo(400);

        // Registration page (Account Console "Set up"): after proving her phone, Sina removes the old address; every
        // contact she had is told, the removed address included, and her phone by text.
        browser.open(SsprResetRealm.appInitiatedAction(urls.getBase(), REALM, "sspr-register-security-info"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            browser.submit(Map.of("removeCredential", removedId));
            assertThat(ExistingMethodProof.asked(browser)).isTrue();
            ExistingMethodProof.bySms(browser, twilio.twilio());
            assertThat(browser.html()).contains("The method has been removed.");
            assertThat(twilio.twilio().awaitRequests(2, Duration.ofSeconds(10)).get(1).body())
                    .contains("the security info of your account sina was changed");
        }
        for (String address : List.of(PRIMARY, KEPT, REMOVED)) {
            assertThat(MailContent.text(awaitNotice(address))).contains("A method was removed")
                    .contains("Alternate email").doesNotContain(REMOVED);
        }

        // Then, still proven, she adds a new address; it is told, and so are the others.
        int before = mailServer.getReceivedMessages().length;
        browser.submit(Map.of("action", "add-email", "email", ADDED));
        assertThat(mailServer.waitForIncomingEmail(15_000, before + 1)).isTrue();
        browser.submit(Map.of("action", "verify", "code", Codes.in(MailContent.text(mailsTo(ADDED).get(0)))));
        assertThat(browser.html()).contains("The method has been added.");
        for (String address : List.of(PRIMARY, KEPT, ADDED)) {
            assertThat(MailContent.text(awaitNoticeContaining(address, "A method was added")))
                    .contains("Alternate email");
        }
        assertThat(mailsTo(REMOVED)).extracting(MimeMessage::getSubject).containsOnly(SUBJECT);
        assertThat(mailsTo(REMOVED)).hasSize(1);
    }

    private MimeMessage awaitNotice(String address) throws Exception {
        return awaitNoticeContaining(address, "");
    }

    private MimeMessage awaitNoticeContaining(String address, String text) throws Exception {
        return new Inbox(mailServer).awaitMail(address, SUBJECT, text);
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        return new Inbox(mailServer).mailsTo(address);
    }

    public static final class NoticeRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "2"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")))
                    .users(UserBuilder.create(SINA).email(PRIMARY).emailVerified(true).name("Sina", "Example")
                            .password(PASSWORD).enabled(true).realmRoles("default-roles-" + REALM)
                            .credential(SeededCredentials.mobilePhone("+4917000000091"))
                            .credential(SeededCredentials.alternateEmail(KEPT))
                            .credential(SeededCredentials.alternateEmail(REMOVED))
                            .attribute("sspr.confirmedAt", Long.toString(Instant.now().getEpochSecond())));
        }
    }
}
