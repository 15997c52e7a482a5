package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ChromiumBrowser;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
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
import org.openqa.selenium.virtualauthenticator.Credential;

/**
 * "Forgot password?" with a passkey registered through Keycloak's own registration page, in a real browser (headless
 * Chromium with a virtual authenticator): the WebAuthn assertion is made by the browser and verified by the server.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class PasskeyResetIT {

    static final String PAULA = "paula";
    static final String PAULA_ALTERNATE = "paula.home@example.net";
    static final String PIET = "piet";
    static final String OLD_PASSWORD = "Old-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";
    /** The passkey page, real or decoy: the fields Keycloak's webauthn-authenticate.ftl posts, and "Use another method". */
    static final List<String> PASSKEY_PAGE_FIELDS = List.of("clientDataJSON", "authenticatorData", "signature",
            "credentialId", "userHandle", "error", "back");

    @InjectRealm(config = PasskeyRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    /** The test app's redirect URI lives here: the browser lands on a page, not on a connection error. */
    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void resetWithPasskeyAndAlternateEmail() throws Exception {
        realm.admin().clearEvents();
        try (ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), realm.getName())) {
            browser.signInAndRegisterPasskey(PAULA, OLD_PASSWORD, "Paula's laptop");
            assertThat(credentialTypes(PAULA)).contains("webauthn-passwordless");
            assertThat(browser.authenticator().getCredentials()).hasSize(1);
            Credential passkey = browser.authenticator().getCredentials().get(0);
            int signCountAfterRegistration = passkey.getSignCount();

            browser.startReset().chooseAccount(PAULA);
            assertThat(browser.pageTitle()).isEqualTo("Verify your identity");
            assertThat(browser.html()).contains("sspr-method-sspr-passkey");
            assertThat(browser.text()).as("a label the user typed is not shown to whoever types the name")
                    .doesNotContain("Paula's laptop");

            browser.selectMethod("sspr-passkey");
            assertThat(browser.pageTitle()).isEqualTo("Use your passkey");
            assertThat(browser.fieldNames()).containsExactlyElementsOf(PASSKEY_PAGE_FIELDS);
            assertThat(browser.passkeyOption("allow-credentials")).isEqualTo(ChromiumBrowser.base64Url(passkey.getId()));
            assertThat(browser.passkeyOption("rp-id")).isEqualTo("localhost");

            // A signature over another challenge than the one this page was given is refused.
            String challenge = browser.passkeyOption("challenge");
            browser.forgeChallenge().usePasskey();
            assertThat(browser.pageTitle()).isEqualTo("Use your passkey");
            assertThat(browser.text()).contains("The passkey could not be verified. Please try again.");
            assertThat(browser.passkeyOption("challenge")).as("a new challenge per page").isNotEqualTo(challenge);

            browser.usePasskey();
            // The alternate email is the only method left: its code goes out at once.
            assertThat(browser.pageTitle()).startsWith("Enter the code we emailed to ");
            assertThat(browser.text()).contains("Verification step 2 of 2");
            assertThat(browser.html()).doesNotContain("sspr-method-sspr-passkey");
            assertThat(browser.authenticator().getCredentials().get(0).getSignCount())
                    .as("the authenticator signed the challenge").isGreaterThan(signCountAfterRegistration);

            assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = mailServer.getLastReceivedMessage();
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly(PAULA_ALTERNATE);
            browser.enterCode(Codes.in(MailContent.text(mail)));

            assertThat(browser.fieldNames()).contains("password-new", "password-confirm");
            browser.setNewPassword(NEW_PASSWORD);
            assertThat(browser.signedIn()).as(browser.url()).isTrue();
        }

        List<Map<String, String>> events = RealmEvents.ssprDetails(realm);
        assertThat(events).anySatisfy(details -> assertThat(details)
                .containsEntry("sspr_step", "verify-identity").containsEntry("sspr_method", "sspr-passkey")
                .containsEntry("sspr_outcome", "method_verified").containsEntry("sspr_verified_count", "1"));
        assertThat(events).anySatisfy(details -> assertThat(details).containsEntry("sspr_method", "sspr-passkey")
                .containsEntry("sspr_outcome", "failure").containsEntry("sspr_reason", "webauthn_invalid"));
        assertThat(events).anySatisfy(details -> assertThat(details)
                .containsEntry("sspr_method", "sspr-email").containsEntry("sspr_verified_count", "2"));
    }

    /**
     * An unknown account gets the same passkey page, listing made-up credential ids as a registered user's page lists
     * real ones (the same ids for the same name); no passkey in the browser matches them, nothing ever counts: three
     * tries, then the method is spent, and no password form ever appears.
     */
    @Test
    void decoyShowsThePasskeyPageAndNeverSucceeds() throws Exception {
        realm.admin().clearEvents();
        try (ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), realm.getName())) {
            // A discoverable credential for this site in the authenticator: it answers any request without a list.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            browser.authenticator().addCredential(Credential.createResidentCredential(new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
                    "localhost", new PKCS8EncodedKeySpec(generator.generateKeyPair().getPrivate().getEncoded()),
                    "someone".getBytes(StandardCharsets.UTF_8), 0));

            browser.startReset().chooseAccount("nobody-here");
            assertThat(browser.pageTitle()).isEqualTo("Verify your identity");
            assertThat(browser.html()).contains("sspr-method-sspr-passkey");

            browser.selectMethod("sspr-passkey");
            assertThat(browser.pageTitle()).isEqualTo("Use your passkey");
            assertThat(browser.fieldNames()).containsExactlyElementsOf(PASSKEY_PAGE_FIELDS);
            String allowed = browser.passkeyOption("allow-credentials");
            assertThat(allowed.split(" ")).as("one or two made-up credential ids of an authenticator's length")
                    .hasSizeBetween(1, 2).allSatisfy(id -> assertThat(Base64.getUrlDecoder().decode(id).length)
                            .isIn(16, 20, 32, 64));
            assertThat(browser.passkeyOption("challenge")).isNotBlank();

            for (int attempt = 1; attempt <= 2; attempt++) {
                browser.usePasskey();
                assertThat(browser.pageTitle()).isEqualTo("Use your passkey");
                assertThat(browser.text()).contains("The passkey could not be verified. Please try again.");
                assertThat(browser.fieldNames()).containsExactlyElementsOf(PASSKEY_PAGE_FIELDS);
            }
            browser.usePasskey();
            assertThat(browser.pageTitle()).isEqualTo("Verify your identity");
            assertThat(browser.text()).contains("Too many failed passkey attempts. Choose another method.");
            assertThat(browser.html()).doesNotContain("sspr-method-sspr-passkey").contains("sspr-method-sspr-email");
            assertThat(browser.fieldNames()).doesNotContain("password-new");
            assertThat(browser.authenticator().getCredentials().get(0).getSignCount())
                    .as("none of the listed ids is the browser's key: it never signed").isZero();

            browser.startReset().chooseAccount("nobody-here").selectMethod("sspr-passkey");
            assertThat(browser.passkeyOption("allow-credentials")).as("the same name, the same ids").isEqualTo(allowed);
        }

        List<Map<String, String>> events = RealmEvents.ssprDetails(realm);
        // The event log tells the truth: three decoy answers, none verified.
        assertThat(events).filteredOn(details -> "sspr-passkey".equals(details.get("sspr_method"))
                        && "true".equals(details.get("sspr_decoy")))
                .hasSize(3)
                .allSatisfy(details -> assertThat(details).containsEntry("sspr_outcome", "failure"));
    }

    @Test
    void theRegistrationPageHandsOffToKeycloaksPasskeySetupAndComesBack() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), realm.getName())) {
            browser.signIn(PIET, OLD_PASSWORD);
            assertThat(browser.pageTitle()).isEqualTo("Keep your account recoverable");
            assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");

            // Piet has an alternate address: setting up a passkey is a change, so the address is proven first.
            browser.press("sspr-setup-passkey");
            assertThat(browser.html()).contains(ExistingMethodProof.ASKED);
            int mails = mailServer.getReceivedMessages().length;
            browser.selectMethod("sspr-email");
            assertThat(mailServer.waitForIncomingEmail(15_000, mails + 1)).isTrue();
            browser.enterCode(Codes.in(MailContent.text(mailServer.getReceivedMessages()[mails])));
            // The setup asked for before the proof goes on: Keycloak's own passkey registration.
            assertThat(browser.html()).contains("registerWebAuthn");
            browser.registerPasskey("Piet's phone");

            // Back on the page with the passkey counted, and no second offer.
            assertThat(browser.pageTitle()).isEqualTo("Keep your account recoverable");
            assertThat(browser.textOf("sspr-register-status")).contains("2 of the 2");
            assertThat(browser.text()).contains("Passkey");
            assertThat(browser.html()).doesNotContain("sspr-setup-passkey");
            assertThat(credentialTypes(PIET)).contains("webauthn-passwordless");

            browser.press("sspr-confirm");
            assertThat(browser.signedIn()).as(browser.url()).isTrue();
        } finally {
            RequiredActionProviderRepresentation action = realm.admin().flows().getRequiredAction(RegistrationAdmin.ACTION);
            action.setEnabled(false);
            realm.admin().flows().updateRequiredAction(RegistrationAdmin.ACTION, action);
        }
    }

    private List<String> credentialTypes(String username) {
        String id = realm.admin().users().searchByUsername(username, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream().map(CredentialRepresentation::getType).toList();
    }

    public static final class PasskeyRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprResetRealm.configure(realm.name("sspr-passkey"), Map.of(
                            "sspr.methods", "sspr-passkey##sspr-email",
                            "sspr.methods.required", "2",
                            "sspr.captcha.difficulty", "1000"))
                    .users(UserBuilder.create(PAULA).email("paula@example.org").emailVerified(true)
                            .name("Paula", "Passkey").password(OLD_PASSWORD).enabled(true)
                            .credential(SeededCredentials.alternateEmail(PAULA_ALTERNATE))
                            // Keycloak's own passkey registration at her next sign-in.
                            .requiredActions("webauthn-register-passwordless"),
                            UserBuilder.create(PIET).email("piet@example.org").emailVerified(true)
                                    .name("Piet", "Passkey").password(OLD_PASSWORD).enabled(true)
                                    .credential(SeededCredentials.alternateEmail("piet.home@example.net")));
        }
    }
}
