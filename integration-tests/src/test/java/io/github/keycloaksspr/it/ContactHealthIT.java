package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RefusingSmtpServer;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Contact health on the real server with the shipped JAR: the Twilio stand-in answering "invalid number" (21211) to
 * a reset's text, and a mail server refusing an alternate address for good (550), mark those contacts on their
 * credentials; the insights count them, the admin list names their owners (never the number or address), and at the
 * owner's next sign-in the security-info page says which contact could not be reached and why; at "Forgot
 * password?" the marked method is listed as not available, and nothing is sent to it.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ContactHealthIT {

    static final String REALM = "sspr-contact-health";
    static final String PASSWORD = "Meadow-Lantern-Copper-27";
    static final String NIA_PHONE = "+4917000000801";
    static final String NOA_ADDRESS = "noa.gone@example.net";

    @InjectRealm(config = HealthRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectHttpServer
    HttpServer httpServer;

    @Test
    void aNumberTwilioCallsInvalidIsMarkedCountedListedShownToItsOwnerAndNotOfferedAgain() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.requireAtSignIn", "false"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            twilio.twilio().failNext(400, 21211);
            new ResetJourney(urls.getBase(), REALM).start().chooseAccount("nia").selectMethod("sspr-sms");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(credentialData("nia", "sspr-mobile-phone")).contains("\"unreachable\"")
                    .contains("\"reason\":\"invalid_number\"");

            SsprAdminApi api = new SsprAdminApi(urls.getBase(), REALM, adminClient);
            assertThat(api.get("insights").path("unreachableContacts").path("sspr-mobile-phone").asInt()).isEqualTo(1);
            assertThat(api.get("unreachable-contacts")).as("the other test's refused address may be listed too")
                    .anySatisfy(row -> assertThat(row.path("username").asText() + " " + row.path("type").asText()
                            + " " + row.path("reason").asText()).isEqualTo("nia sspr-mobile-phone invalid_number"));
            String csv = api.send("unreachable-contacts", "text/csv").body();
            assertThat(csv).startsWith("id,username,type,reason,since\r\n").contains(",nia,sspr-mobile-phone,invalid_number,")
                    .doesNotContain("0000801");

            // Nia's next sign-in shows her the page though the realm asks nobody at sign-in by itself.
            FormBrowser signIn = TestAppLogin.submitPassword(urls.getBase(), REALM, "nia", PASSWORD);
            assertThat(signIn.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
            assertThat(signIn.textOf("sspr-phone-1-unreachable"))
                    .isEqualTo("We could not reach it: the number does not exist. Replace it or remove it.");

            // At "Forgot password?" the marked phone is listed but cannot be chosen; nothing is sent to it.
            int sent = twilio.twilio().requests().size();
            ResetJourney again = new ResetJourney(urls.getBase(), REALM).start().chooseAccount("nia");
            assertThat(again.html()).contains("Not available: the number does not exist.");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).hasSize(sent);
        }
    }

    @Test
    void anAddressTheMailServerRefusesForGoodIsMarked() throws Exception {
        RealmRepresentation settings = realm.admin().toRepresentation();
        Map<String, String> original = settings.getSmtpServer();
        try (RefusingSmtpServer smtp = RefusingSmtpServer.refusing(Set.of(NOA_ADDRESS))) {
            Map<String, String> refusing = new HashMap<>(original == null ? Map.of() : original);
            refusing.put("host", "127.0.0.1");
            refusing.put("port", Integer.toString(smtp.port()));
            refusing.put("from", "sspr@example.org");
            settings.setSmtpServer(refusing);
            realm.admin().update(settings);
            try {
                new ResetJourney(urls.getBase(), REALM).start().chooseAccount("noa").selectMethod("sspr-email");
                BackgroundSends.awaitIdle(urls.getMetric());
                assertThat(credentialData("noa", "sspr-alternate-email"))
                        .contains("\"reason\":\"mailbox_refused\"");
                assertThat(credentialData("noa", "sspr-mobile-phone")).as("only the refused contact")
                        .doesNotContain("unreachable");
            } finally {
                RealmRepresentation restore = realm.admin().toRepresentation();
                restore.setSmtpServer(original);
                realm.admin().update(restore);
            }
        }
    }

    private String credentialData(String username, String type) {
        String id = realm.admin().users().search(username, true).get(0).getId();
        List<CredentialRepresentation> credentials = realm.admin().users().get(id).credentials();
        return credentials.stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow()
                .getCredentialData();
    }

    public static final class HealthRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000"))
                    .users(user("nia").credential(SeededCredentials.mobilePhone(NIA_PHONE))
                                    .credential(SeededCredentials.alternateEmail("nia.home@example.net")),
                            user("noa").credential(SeededCredentials.mobilePhone("+4917000000802"))
                                    .credential(SeededCredentials.alternateEmail(NOA_ADDRESS)));
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + "@example.org").emailVerified(true)
                    .name(username, "Health").password(PASSWORD).enabled(true)
                    .realmRoles("default-roles-" + REALM);
        }
    }
}
