package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RealmEvents;
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
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
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

/** "Forgot password?" with two registered methods, on the real pages of the real server with the shipped JAR. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class SelfServiceResetIT {

    static final String MARIA = "maria";
    static final String FORGED_USER_AGENT = "Mozilla/5.0 <a href=\"https://evil.example/reset\">Keep your account</a>"
            + " https://evil.example/x";
    static final String MARIA_PHONE = "+4915112345678";
    static final String UMA = "uma";
    static final String UMA_PHONE = "+12015550123";
    static final String MARIA_ALTERNATE = "maria.private@example.net";
    static final String OTTO = "otto";
    static final String OTTO_OFFICE = "+49 30 1234567";
    static final String TOM = "tom";
    static final String TOM_TOTP_SECRET = "tom-totp-secret-0123456789";
    static final String OLD_PASSWORD = "Old-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";

    @InjectRealm(config = ResetRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void resetWithSmsAndAlternateEmail() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName());
            // A browser line made up to smuggle a link into the notice Maria gets.
            journey.browser().withUserAgent(FORGED_USER_AGENT);
            journey.start();
            assertThat(journey.pageTitle()).isEqualTo("Reset your password");

            journey.chooseAccount(MARIA);
            assertThat(journey.pageTitle()).isEqualTo("Verify your identity");
            assertThat(journey.html()).contains("+49 \u2022\u2022\u2022 \u2022\u2022 78").contains("m\u2022\u2022\u2022@\u2022\u2022\u2022")
                    .doesNotContain(MARIA_PHONE).doesNotContain(MARIA_ALTERNATE);

            journey.selectMethod("sspr-sms");
            assertThat(journey.instruction()).contains("+49 \u2022\u2022\u2022 \u2022\u2022 78");
            assertThat(journey.html()).as("WebOTP on the code page").contains("/sspr/webotp/sspr-webotp.js")
                    .contains("autocomplete=\"one-time-code\"");
            RecordedTwilioRequest sms = twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0);
            assertThat(sms.to()).isEqualTo(MARIA_PHONE);
            assertThat(sms.from()).isEqualTo(TwilioAccount.FROM);
            String code = Codes.in(sms.body());
            assertThat(sms.body()).as("ends with the origin-bound line for the realm's login host (WebOTP, autofill)")
                    .endsWith("\n\n@" + URI.create(urls.getBase()).getHost() + " #" + code);
            journey.enterCode(code);
            // The alternate email is the only method left: its code goes out at once, without a list of one.
            assertThat(journey.pageTitle()).startsWith("Enter the code we emailed to ");
            assertThat(journey.html()).contains("Verification step 2 of 2");

            assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage mail = mailServer.getLastReceivedMessage();
            assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly(MARIA_ALTERNATE);
            journey.enterCode(Codes.in(MailContent.text(mail)));

            assertThat(journey.fieldNames()).contains("password-new", "password-confirm");
            // A reset Maria chose, for the account she named; other devices are signed out unless she unticks it.
            assertThat(journey.pageTitle()).isEqualTo("Choose a new password");
            assertThat(journey.html()).contains("Choose a new password for maria.")
                    .doesNotContain("You need to change your password")
                    .containsPattern("<input[^>]*id=\"logout-sessions\"[^>]*\\schecked");
            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as("signed in after the reset").isTrue();
        }
        assertThat(signIn(MARIA, NEW_PASSWORD)).as("new password works").isTrue();
        assertThat(signIn(MARIA, OLD_PASSWORD)).as("old password no longer works").isFalse();

        // The notice names the browser as text: no tag, no link a mail program could make of a host name.
        MimeMessage notice = new Inbox(mailServer).awaitMailWithSubject("maria@example.org",
                "Your " + realm.getName() + " password was reset");
        String html = MailContent.html(notice);
        assertThat(html).as(html).doesNotContain("<a ").doesNotContain("href=").doesNotContain("evil.example")
                .contains("Mozilla/5\u20240").contains("evil\u2024example");
        assertThat(MailContent.text(notice)).doesNotContain("evil.example").contains("evil\u2024example");

        // Keycloak's event list reads as one reset: one RESET_PASSWORD success; its steps are SEND_RESET_PASSWORD.
        String mariaId = realm.admin().users().search(MARIA, true).get(0).getId();
        List<EventRepresentation> hers = RealmEvents.all(realm).stream()
                .filter(e -> mariaId.equals(e.getUserId())).toList();
        assertThat(hers).filteredOn(e -> e.getType().equals("RESET_PASSWORD")).as("%s", hers).hasSize(1)
                .allSatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_step", "new-password"));
        assertThat(hers).filteredOn(e -> e.getType().equals("SEND_RESET_PASSWORD"))
                .extracting(e -> e.getDetails().get("sspr_step")).contains("choose-account", "verify-identity");

        List<Map<String, String>> events = RealmEvents.ssprDetails(realm);
        assertThat(events).anySatisfy(details -> assertThat(details)
                .containsEntry("sspr_step", "verify-identity").containsEntry("sspr_method", "sspr-sms")
                .containsEntry("sspr_outcome", "method_verified"));
        assertThat(events).anySatisfy(details -> assertThat(details)
                .containsEntry("sspr_method", "sspr-email").containsEntry("sspr_verified_count", "2"));
    }

    @Test
    void aUsNumbersHintKeepsTheCallingCodeApart() throws Exception {
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(UMA);
        assertThat(journey.html()).contains("+1 \u2022\u2022\u2022 \u2022\u2022 23").doesNotContain("+12 ")
                .doesNotContain(UMA_PHONE);
    }

    @Test
    void resetWithAuthenticatorAppAndSecurityQuestions() throws Exception {
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(TOM);
        journey.selectMethod("sspr-totp");
        journey.enterCode(Totp.now(TOM_TOTP_SECRET));
        assertThat(journey.html()).contains("Verification step 2 of 2");

        journey.selectMethod("sspr-questions");
        List<String> asked = journey.askedQuestions();
        assertThat(asked).hasSize(3);
        journey.answer(asked.stream().map(TomAnswers.BY_QUESTION::get).toList());

        assertThat(journey.fieldNames()).contains("password-new");
        // Bad input at the last step: Keycloak's own messages, nothing changed, the page stays for another try.
        RealmRepresentation settings = realm.admin().toRepresentation();
        String policyBefore = settings.getPasswordPolicy();
        settings.setPasswordPolicy("length(12)");
        realm.admin().update(settings);
        realm.cleanup().add(r -> {
            RealmRepresentation restore = r.toRepresentation();
            restore.setPasswordPolicy(policyBefore);
            r.update(restore);
        });
        journey.setNewPassword("Short-1");
        assertThat(journey.html()).contains("Invalid password: minimum length 12.");
        journey.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD + "x"));
        assertThat(journey.html()).containsPattern("Passwords don(&#39;|&#x27;|')t match");
        assertThat(passwordAccepted(TOM, OLD_PASSWORD)).as("nothing changed").isTrue();

        journey.setNewPassword(NEW_PASSWORD);
        // Tom's browser flow asks for his authenticator code after the password: the reset does not stand in for it,
        // it ends on the sign-in page.
        assertThat(journey.signedIn()).as(journey.url() + "\n" + journey.html()).isFalse();
        assertThat(journey.html()).contains("Your password was changed. Sign in with your new password.");
        // Reaching the code page means the password worked.
        assertThat(passwordAccepted(TOM, NEW_PASSWORD)).isTrue();
        assertThat(passwordAccepted(TOM, OLD_PASSWORD)).isFalse();
    }

    @Test
    void resetWithOfficePhoneWhenOnlyAdminsCanEditTheNumber() throws Exception {
        setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        UserRepresentation otto = realm.admin().users().searchByUsername(OTTO, true).get(0);
        otto.setAttributes(Map.of("telephoneNumber", List.of(OTTO_OFFICE)));
        realm.admin().users().get(otto.getId()).update(otto);

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(OTTO);
            assertThat(journey.html()).contains("sspr-method-sspr-office-phone").contains("+49 \u2022\u2022\u2022 \u2022\u2022 67");
            journey.selectMethod("sspr-office-phone");
            RecordedTwilioRequest call = twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0);
            assertThat(call.kind()).isEqualTo(RecordedTwilioRequest.Kind.CALL);
            assertThat(call.to()).isEqualTo("+49301234567");
            String digits = twilio.pressKey(call).replaceAll("[^0-9]", "");
            journey.enterCode(digits.substring(0, digits.length() / 2));
            assertThat(journey.html()).contains("Verification step 2 of 2");
        }
    }

    @Test
    void officePhoneIsNotOfferedWhileUsersCanEditTheNumber() throws Exception {
        setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        UserRepresentation otto = realm.admin().users().searchByUsername(OTTO, true).get(0);
        otto.setAttributes(Map.of("telephoneNumber", List.of(OTTO_OFFICE)));
        realm.admin().users().get(otto.getId()).update(otto);

        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(OTTO);
        assertThat(journey.html()).doesNotContain("sspr-method-sspr-office-phone");
    }

    /**
     * The office phone comes from the directory, where a user may often write their own number: it never proves the
     * owner before a change of security info, even where it is a reset method.
     */
    @Test
    void theOfficePhoneNeverProvesTheOwnerBeforeAChange() throws Exception {
        setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        UserRepresentation otto = realm.admin().users().searchByUsername(OTTO, true).get(0);
        otto.setAttributes(Map.of("telephoneNumber", List.of(OTTO_OFFICE)));
        realm.admin().users().get(otto.getId()).update(otto);
        RegistrationAdmin.enableRegistration(realm, Map.of());
        realm.cleanup().add(r -> {
            RequiredActionProviderRepresentation action = r.flows().getRequiredAction(RegistrationAdmin.ACTION);
            action.setEnabled(false);
            r.flows().updateRequiredAction(RegistrationAdmin.ACTION, action);
        });

        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), OTTO, OLD_PASSWORD);
        if (!browser.textOf("sspr-page-title").equals("Keep your account recoverable")) {
            browser.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), RegistrationAdmin.ACTION));
        }
        browser.submit(Map.of("action", "add-phone", "phone", "+4917000000099"));
        assertThat(ExistingMethodProof.asked(browser)).as(browser.html()).isTrue();
        assertThat(browser.html()).contains("sspr-method-sspr-email").doesNotContain("sspr-method-sspr-office-phone");
    }

    private void setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy policy) {
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig changed = realm.admin().users().userProfile().getConfiguration();
        changed.setUnmanagedAttributePolicy(policy);
        realm.admin().users().userProfile().update(changed);
        realm.cleanup().add(r -> r.users().userProfile().update(original));
    }

    private boolean passwordAccepted(String username, String password) throws Exception {
        return TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, password).fieldNames().contains("otp");
    }

    private boolean signIn(String username, String password) throws Exception {
        return TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, password));
    }

    static final class TomAnswers {
        static final Map<String, String> BY_KEY = new LinkedHashMap<>();
        static final Map<String, String> BY_QUESTION = new LinkedHashMap<>();

        static {
            BY_KEY.put("ssprQuestionFirstPet", "Rex the dog");
            BY_KEY.put("ssprQuestionBirthCity", "Hamburg");
            BY_KEY.put("ssprQuestionFirstSchool", "Lindenschule");
            BY_QUESTION.put("What was the name of your first pet?", "  REX the   Dog ");
            BY_QUESTION.put("In which city were you born?", "hamburg");
            BY_QUESTION.put("What was the name of your first school?", "Lindenschule");
        }
    }

    public static final class ResetRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprResetRealm.configure(realm.name("sspr-self-service"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-voice##sspr-office-phone##sspr-email##sspr-totp##sspr-questions",
                            "sspr.methods.required", "2",
                            "sspr.captcha.difficulty", "1000"))
                    .users(UserBuilder.create(MARIA).email("maria@example.org").emailVerified(true)
                                    .name("Maria", "Example").password(OLD_PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(MARIA_PHONE))
                                    .credential(SeededCredentials.alternateEmail(MARIA_ALTERNATE)),
                            UserBuilder.create(OTTO).email("otto@example.org").emailVerified(true)
                                    .name("Otto", "Office").password(OLD_PASSWORD).enabled(true)
                                    .credential(SeededCredentials.alternateEmail("otto.home@example.net")),
                            UserBuilder.create(UMA).email("uma@example.org").emailVerified(true)
                                    .name("Uma", "States").password(OLD_PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(UMA_PHONE))
                                    .credential(SeededCredentials.alternateEmail("uma.home@example.net")),
                            UserBuilder.create(TOM).email("tom@example.org").emailVerified(true)
                                    .name("Tom", "Example").password(OLD_PASSWORD).enabled(true)
                                    .totpSecret(TOM_TOTP_SECRET)
                                    .credential(SeededCredentials.securityQuestions(TomAnswers.BY_KEY)));
        }
    }
}
