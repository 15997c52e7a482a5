package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.BadRequestException;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.Totp;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
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
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Security-info registration at sign-in ({@code sspr-register-security-info}), enabled and configured through the
 * admin API the way the admin console does it, against the shipped JAR.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class RegisterSecurityInfoIT {

    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_USER = "nina";
    static final String NINA_PHONE = "+4917000000051";
    static final String NINA_ALTERNATE = "nina.home@example.net";
    static final String ADMIN = "olga-admin";
    static final String STALE = "rita";
    static final String STALE_NEVER = "ron";
    static final String TOTP_USER = "tina";
    static final String EMAIL_FIRST = "nora";

    @InjectRealm(config = RegistrationRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void aNewUserRegistersPhoneAndAlternateEmailWithCodesAndIsThenSignedIn() throws Exception {
        enableRegistration(Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = signIn(NEW_USER);
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
            assertThat(browser.textOf("sspr-register-status")).contains("0 of the 2");
            assertThat(browser.textOf("sspr-no-methods")).isEqualTo("No methods registered yet.");

            // Cannot finish with nothing registered.
            browser.submit(Map.of("action", "confirm"));
            assertThat(browser.html()).contains("Register at least the required number of methods");
            assertThat(browser.url()).doesNotStartWith(SsprResetRealm.REDIRECT_URI);

            // A national number is refused with a hint, and nothing is sent.
            browser.submit(Map.of("action", "add-phone", "phone", "0170 0000051"));
            assertThat(browser.html()).contains("This looks like a national number");
            assertThat(twilio.twilio().requests()).isEmpty();

            // Phone: a wrong code does not register it, the right one does.
            browser.submit(Map.of("action", "add-phone", "phone", "+49 1700 0000051"));
            String smsCode = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0).body());
            assertThat(twilio.twilio().requests().get(0).to()).isEqualTo(NINA_PHONE);
            assertThat(browser.textOf("sspr-pending")).contains("+49").doesNotContain(NINA_PHONE);
            browser.submit(Map.of("action", "verify", "code", Codes.wrongFor(smsCode)));
            assertThat(browser.html()).contains("That code is not right");
            assertThat(credentialTypes(NEW_USER)).doesNotContain("sspr-mobile-phone");
            browser.submit(Map.of("action", "verify", "code", smsCode));
            assertThat(browser.html()).contains("The method has been added.");
            assertThat(browser.textOf("sspr-phone-1")).startsWith("Mobile phone: +49").doesNotContain(NINA_PHONE);
            assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");
            assertThat(credentialTypes(NEW_USER)).containsExactly("sspr-mobile-phone");

            // Still one short.
            browser.submit(Map.of("action", "confirm"));
            assertThat(browser.html()).contains("Register at least the required number of methods");

            // The phone's code a moment ago proved Nina for the step-up window: the second method follows without
            // another code to the phone.
            int textsBefore = twilio.twilio().requests().size();
            int mailsBefore = mailServer.getReceivedMessages().length;
            browser.submit(Map.of("action", "add-email", "email", NINA_ALTERNATE));
            assertThat(ExistingMethodProof.asked(browser)).as("no second code to the phone just verified").isFalse();
            assertThat(browser.textOf("sspr-pending")).as("the address's own code is on its way").contains("@");
            browser.submit(Map.of("action", "cancel"));
            assertThat(mailServer.waitForIncomingEmail(15_000, mailsBefore + 1)).isTrue();
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("no text to the phone for a proof").hasSize(textsBefore);

            // The account's own address is no alternate: it falls with the password it should recover.
            mailsBefore = mailServer.getReceivedMessages().length;
            browser.submit(Map.of("action", "add-email", "email", "Nina@Example.org"));
            assertThat(browser.html()).containsPattern("This is your account(&#39;|&#x27;|')s own address")
                    .contains("sspr-add-email").doesNotContain("sspr-pending");

            // Alternate email: code from GreenMail.
            browser.submit(Map.of("action", "add-email", "email", NINA_ALTERNATE));
            assertThat(mailServer.waitForIncomingEmail(15_000, mailsBefore + 1)).isTrue();
            MimeMessage mail = mailServer.getLastReceivedMessage();
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(NINA_ALTERNATE);
            // (The account address gets the notice of the phone added above, never a code.)
            for (MimeMessage sent : mailServer.getReceivedMessages()) {
                if (sent.getAllRecipients()[0].toString().equalsIgnoreCase(NEW_USER + "@example.org")) {
                    assertThat(sent.getSubject()).as("a mail to the account's own address").doesNotContain("code");
                }
            }
            browser.submit(Map.of("action", "verify", "code", Codes.in(MailContent.text(mail))));
            assertThat(browser.textOf("sspr-email-1")).isEqualTo("Alternate email: n\u2022\u2022\u2022@\u2022\u2022\u2022");
            assertThat(credentialTypes(NEW_USER)).containsExactlyInAnyOrder("sspr-mobile-phone", "sspr-alternate-email");

            browser.submit(Map.of("action", "confirm"));
            assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
        }
        // Registered and confirmed: the next sign-in goes straight through.
        assertThat(signIn(NEW_USER).url()).startsWith(SsprResetRealm.REDIRECT_URI);

        List<EventRepresentation> events = RealmEvents.all(realm);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("UPDATE_CREDENTIAL_ERROR");
            assertThat(e.getDetails()).containsEntry("sspr_reason", "wrong_code").containsEntry("sspr_purpose", "register-sms");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("UPDATE_CREDENTIAL");
            assertThat(e.getDetails()).containsEntry("credential_type", "sspr-alternate-email");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getType()).isEqualTo("CUSTOM_REQUIRED_ACTION");
            assertThat(e.getDetails()).containsEntry("sspr_registered", "2");
        });
    }

    /**
     * The newcomer's case the other way round: the alternate address just verified by its code proves Nora for the
     * step-up window, so the phone that follows asks for no second code to that address.
     */
    @Test
    void aNewUserWhoVerifiedAnAlternateEmailAddsAPhoneWithoutASecondEmailCode() throws Exception {
        enableRegistration(Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = signIn(EMAIL_FIRST);
            int mailsBefore = mailServer.getReceivedMessages().length;
            browser.submit(Map.of("action", "add-email", "email", "nora.home@example.net"));
            assertThat(mailServer.waitForIncomingEmail(15_000, mailsBefore + 1)).isTrue();
            browser.submit(Map.of("action", "verify",
                    "code", Codes.in(MailContent.text(mailServer.getLastReceivedMessage()))));
            assertThat(browser.html()).contains("The method has been added.");
            assertThat(credentialTypes(EMAIL_FIRST)).containsExactly("sspr-alternate-email");
            BackgroundSends.awaitIdle(urls.getMetric());
            int mailsAfterTheAddress = mailServer.getReceivedMessages().length;

            browser.submit(Map.of("action", "add-phone", "phone", "+49 1700 0000055"));
            assertThat(ExistingMethodProof.asked(browser)).as("no second code to the address just verified").isFalse();
            String smsCode = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0).body());
            assertThat(twilio.twilio().requests().get(0).to()).isEqualTo("+4917000000055");
            browser.submit(Map.of("action", "verify", "code", smsCode));
            assertThat(browser.textOf("sspr-register-status")).contains("2 of the 2");
            assertThat(credentialTypes(EMAIL_FIRST)).containsExactlyInAnyOrder("sspr-alternate-email",
                    "sspr-mobile-phone");

            BackgroundSends.awaitIdle(urls.getMetric());
            MimeMessage[] received = mailServer.getReceivedMessages();
            for (int i = mailsAfterTheAddress; i < received.length; i++) {
                assertThat(received[i].getSubject()).as("a notice, never a second code")
                        .doesNotContain("verification code");
            }
            assertThat(twilio.twilio().requests()).as("one text: the phone's own code").hasSize(1);
            browser.submit(Map.of("action", "confirm"));
            assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
        }
    }

    @Test
    void theAuthenticatorAppIsSetUpByKeycloaksOwnActionAndThePageComesBack() throws Exception {
        enableRegistration(Map.of());
        FormBrowser browser = signIn(TOTP_USER);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        browser.submit(Map.of("action", "setup-totp"));

        // Keycloak's own authenticator-app setup page.
        Matcher secret = Pattern
                .compile("name=\"totpSecret\" value=\"([^\"]+)\"").matcher(browser.html());
        assertThat(secret.find()).as("the CONFIGURE_TOTP page").isTrue();
        browser.submit(Map.of("totp", Totp.now(secret.group(1)), "totpSecret", secret.group(1), "userLabel", "Phone app"));

        // Back on the registration page, with the app counted.
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");
        assertThat(browser.textOf("sspr-keycloak-1")).startsWith("Authenticator app: Phone app");
        assertThat(browser.html()).doesNotContain("sspr-setup-totp");
        assertThat(credentials(TOTP_USER)).extracting(CredentialRepresentation::getType).contains("otp");

        browser.submit(Map.of("action", "add-email", "email", "tina.home@example.net"));
        assertThat(ExistingMethodProof.asked(browser)).isTrue();
        int mailsBefore = mailServer.getReceivedMessages().length;
        ExistingMethodProof.byAuthenticatorApp(browser, secret.group(1));
        // The address typed before the proof gets its code without being typed again.
        assertThat(mailServer.waitForIncomingEmail(15_000, mailsBefore + 1)).isTrue();
        browser.submit(Map.of("action", "verify",
                "code", Codes.in(MailContent.text(mailServer.getLastReceivedMessage()))));
        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
    }

    @Test
    void anAdministratorNeedsTwoMethodsAndSecurityQuestionsDoNotCount() throws Exception {
        enableRegistration(Map.of());
        FormBrowser browser = signIn(ADMIN);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        // Phone and security questions are registered: for an administrator that is one method.
        assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");
        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.html()).contains("Register at least the required number of methods");

        // Removing the only counted method would drop below the requirement... it already is: refused (after the
        // administrator proved the phone: every change needs proof of an existing method, questions never count).
        String phoneId = credentialId(ADMIN, "sspr-mobile-phone");
        browser.submit(Map.of("removeCredential", phoneId));
        assertThat(ExistingMethodProof.asked(browser)).isTrue();
        assertThat(browser.html()).doesNotContain("sspr-method-sspr-questions");
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ExistingMethodProof.bySms(browser, twilio.twilio());
        }
        // The removal asked for before the proof goes on, and is refused.
        assertThat(browser.html()).contains("You cannot remove this method");
        assertThat(credentialTypes(ADMIN)).contains("sspr-mobile-phone");

        int mailsBefore = mailServer.getReceivedMessages().length;
        browser.submit(Map.of("action", "add-email", "email", "olga.home@example.net"));
        assertThat(mailServer.waitForIncomingEmail(15_000, mailsBefore + 1)).isTrue();
        browser.submit(Map.of("action", "verify",
                "code", Codes.in(MailContent.text(mailServer.getLastReceivedMessage()))));
        assertThat(browser.textOf("sspr-register-status")).contains("2 of the 2");
        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
    }

    @Test
    void withTheClockMoved181DaysTheUserIsAskedToReconfirmAndRemovalBelowTheMinimumIsRefused() throws Exception {
        enableRegistration(Map.of("sspr.register.reconfirmDays", "180"));
        // Confirmed today: nothing to do.
        assertThat(signIn(STALE).url()).startsWith(SsprResetRealm.REDIRECT_URI);

        // 181 days later: asked to reconfirm, with both methods listed.
        timeOffSet.set(Duration.ofDays(181));
        FormBrowser browser = signIn(STALE);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        assertThat(browser.textOf("sspr-register-status")).contains("2 of the 2");
        assertThat(browser.textOf("sspr-phone-1")).startsWith("Mobile phone:");
        assertThat(browser.textOf("sspr-email-1")).startsWith("Alternate email:");

        browser.submit(Map.of("removeCredential", credentialId(STALE, "sspr-alternate-email")));
        assertThat(ExistingMethodProof.asked(browser)).isTrue();
        ExistingMethodProof.byEmail(browser, mailServer);
        assertThat(browser.html()).contains("You cannot remove this method");
        assertThat(credentialTypes(STALE)).contains("sspr-alternate-email");

        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
        // The confirmation was recorded: the next sign-in is not interrupted.
        assertThat(signIn(STALE).url()).startsWith(SsprResetRealm.REDIRECT_URI);
    }

    @Test
    void withZeroReconfirmDaysTheUserIsNeverAskedAgain() throws Exception {
        enableRegistration(Map.of("sspr.register.reconfirmDays", "0"));
        timeOffSet.set(Duration.ofDays(181));
        assertThat(signIn(STALE_NEVER).url()).startsWith(SsprResetRealm.REDIRECT_URI);
        timeOffSet.set(Duration.ofDays(3650));
        assertThat(signIn(STALE_NEVER).url()).startsWith(SsprResetRealm.REDIRECT_URI);
    }

    @Test
    void anInvalidConfigIsRefusedWhenSaved() {
        enableRegistration(Map.of());
        Assertions.assertThatThrownBy(
                        () -> enableRegistration(Map.of("sspr.register.reconfirmDays", "-1")))
                .isInstanceOf(BadRequestException.class);
        Assertions.assertThatThrownBy(
                        () -> enableRegistration(Map.of("sspr.register.questionsToRegister", "7")))
                .isInstanceOf(BadRequestException.class);
    }

    private FormBrowser signIn(String username) throws Exception {
        return TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, PASSWORD);
    }

    private void enableRegistration(Map<String, String> config) {
        RegistrationAdmin.enableRegistration(realm, config);
    }

    private List<String> credentialTypes(String username) {
        return RegistrationAdmin.credentialTypes(realm, username);
    }

    private String credentialId(String username, String type) {
        return RegistrationAdmin.credentialId(realm, username, type);
    }

    private List<CredentialRepresentation> credentials(String username) {
        return RegistrationAdmin.credentials(realm, username);
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    public static final class RegistrationRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprResetRealm.configure(realm.name("sspr-registration"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-totp##sspr-questions",
                            "sspr.methods.required", "2",
                            "sspr.budget.sends.per.user", "50",
                            "sspr.budget.sends.per.destination", "20",
                            "sspr.budget.sends.per.ip", "100",
                            "sspr.captcha.difficulty", "1000"))
                    .users(user(NEW_USER), user(TOTP_USER), user(EMAIL_FIRST),
                            user(ADMIN).clientRoles("realm-management", "manage-users")
                                    .credential(SeededCredentials.mobilePhone("+4917000000052"))
                                    .credential(SeededCredentials.securityQuestions(Map.of(
                                            "ssprQuestionFirstPet", "Rex", "ssprQuestionBirthCity", "Hamburg",
                                            "ssprQuestionFirstSchool", "Lindenschule"))),
                            user(STALE).credential(SeededCredentials.mobilePhone("+4917000000053"))
                                    .credential(SeededCredentials.alternateEmail("rita.home@example.net"))
                                    .attribute("sspr.confirmedAt", now()),
                            user(STALE_NEVER).credential(SeededCredentials.mobilePhone("+4917000000054"))
                                    .credential(SeededCredentials.alternateEmail("ron.home@example.net"))
                                    .attribute("sspr.confirmedAt", now()));
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + "@example.org").emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
