package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AxeAudit;
import io.github.keycloaksspr.it.support.ChromiumBrowser;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprMfaRealm;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
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
import org.openqa.selenium.Keys;

/**
 * Every page of the pack in a real Chromium, checked with axe-core (WCAG 2.1 A and AA) in English and Japanese: choose
 * account with the CAPTCHA, the method list, each challenge page, unlock or reset, new password, the registration page
 * and the MFA code page. The reset is also walked with the keyboard alone. The English pages (and a code mail) are
 * saved as screenshots ({@code -Dsspr.screenshots=../docs/images} regenerates the README's).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AccessiblePagesIT {

    static final String REALM = "sspr-a11y";
    static final String PASSWORD = "Kestrel-Harbor-Lantern-31";
    static final String PIA_PHONE = "+4917000000611";
    static final String LOU_PHONE = "+4917000000612";
    static final List<String> LOCALES = List.of("en", "ja");

    @InjectRealm(config = AccessibleRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private final AxeAudit axe = new AxeAudit();

    @Test
    void everyPageHasNoSeriousOrCriticalViolationInEnglishOrJapanese() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));
        for (int i = 0; i < 3; i++) {
            TestAppLogin.submitPassword(urls.getBase(), REALM, "lou", "wrong-password-" + i);
        }
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer);
             ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), REALM)) {
            for (String locale : LOCALES) {
                browser.startResetIn(locale);
                axe.check(browser, locale, "reset-choose-account");
                browser.chooseAccount("pia");
                axe.check(browser, locale, "reset-method-list");
                int texts = twilio.twilio().requests().size();
                browser.selectMethod("sspr-sms");
                axe.check(browser, locale, "reset-sms-code");
                browser.enterCode(Codes.in(nextText(twilio, texts).body()));
                axe.check(browser, locale, "reset-new-password");

                for (String method : List.of("sspr-email", "sspr-questions", "sspr-totp")) {
                    browser.startResetIn(locale).chooseAccount("pia").selectMethod(method);
                    axe.check(browser, locale, "reset-" + method.substring(5) + "-challenge");
                }

                texts = twilio.twilio().requests().size();
                browser.startResetIn(locale).chooseAccount("lou").selectMethod("sspr-sms");
                browser.enterCode(Codes.in(nextText(twilio, texts).body()));
                axe.check(browser, locale, "reset-unlock-or-reset");

                browser.signInIn(locale, "rob", PASSWORD);
                axe.check(browser, locale, "registration");

                browser.signInIn(locale, "pia", PASSWORD);
                axe.check(browser, locale, "mfa-sms-code");
            }
        }
        axe.assertNoSeriousViolationsIn(10 * LOCALES.size());
    }

    @Test
    void aResetCanBeDoneWithTheKeyboardAlone() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer);
             ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), REALM)) {
            browser.startResetIn("en");
            browser.tabTo("username", 15);
            // A user of this test alone: the other test's texts count in pia's send budget.
            browser.type("kay").awaitCaptcha().typeAndWaitForNextPage(Keys.ENTER);
            assertThat(browser.pageTitle()).isEqualTo("Verify your identity");

            // Tab to the method list (the first method has the focus or is one Tab away), choose the phone, Enter.
            int tabs = 0;
            while (!browser.focused().startsWith("sspr-method-") && tabs++ < 15) {
                browser.type(Keys.TAB);
            }
            assertThat(browser.focused()).as("a method reached by Tab").startsWith("sspr-method-");
            while (!browser.focused().equals("sspr-method-sspr-sms") && tabs++ < 25) {
                browser.type(Keys.ARROW_DOWN);
            }
            int texts = twilio.twilio().requests().size();
            browser.type(Keys.SPACE).typeAndWaitForNextPage(Keys.ENTER);
            browser.tabTo("code", 15);
            browser.typeAndWaitForNextPage(Codes.in(nextText(twilio, texts).body()), Keys.ENTER);
            browser.tabTo("password-new", 15);
            browser.type("Tangerine-Volcano-Ledger-42");
            // Past the field's "show password" button to the confirmation.
            browser.tabTo("password-confirm", 15);
            browser.type("Tangerine-Volcano-Ledger-42").typeAndWaitForNextPage(Keys.ENTER);
            // Reset done. Kay's sign-in asks a text-message code after the password (this realm's browser flow): the
            // reset ends on the sign-in page, not signed in.
            assertThat(browser.signedIn()).as(browser.url()).isFalse();
            assertThat(browser.text()).contains("Your password was changed. Sign in with your new password.");
        }
    }

    @Test
    void aCodeMailIsSavedForTheReadme() throws Exception {
        try (ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), REALM)) {
            int mails = mailServer.getReceivedMessages().length;
            browser.startResetIn("en").chooseAccount("pia").selectMethod("sspr-email");
            assertThat(mailServer.waitForIncomingEmail(10_000, mails + 1)).isTrue();
            String html = MailContent.html(mailServer.getLastReceivedMessage());
            assertThat(html).contains("<html");
            browser.show(html).screenshot(axe.screenshotFile("email-code.png"));
        }
    }

    private static RecordedTwilioRequest nextText(TwilioAccount.Registration twilio, int before) throws Exception {
        List<RecordedTwilioRequest> texts = twilio.twilio().awaitRequests(before + 1, Duration.ofSeconds(10));
        return texts.get(texts.size() - 1);
    }

    public static final class AccessibleRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            RealmBuilder reset = SsprResetRealm.configure(realm.name(REALM), Map.of(
                    "sspr.methods", "sspr-sms##sspr-email##sspr-questions##sspr-totp",
                    "sspr.methods.required", "1",
                    "sspr.captcha.difficulty", "1000"));
            return SsprMfaRealm.addConditionallyTo(reset)
                    .update(rep -> {
                        rep.setFailureFactor(3);
                        rep.setDisplayName("Contoso");
                        rep.setInternationalizationEnabled(true);
                        rep.setSupportedLocales(new java.util.HashSet<>(LOCALES));
                        rep.setDefaultLocale("en");
                    })
                    .users(UserBuilder.create("pia").email("pia@example.org").emailVerified(true)
                                    .name("Pia", "Pages").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(PIA_PHONE))
                                    .credential(SeededCredentials.alternateEmail("pia.home@example.net"))
                                    .credential(SeededCredentials.securityQuestions(Map.of(
                                            "ssprQuestionFirstPet", "Rex the dog",
                                            "ssprQuestionBirthCity", "Hamburg",
                                            "ssprQuestionFirstSchool", "Lindenschule")))
                                    .totpSecret("JBSWY3DPEHPK3PXP"),
                            UserBuilder.create("kay").email("kay@example.org").emailVerified(true)
                                    .name("Kay", "Keyboard").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone("+4917000000613"))
                                    .credential(SeededCredentials.alternateEmail("kay.home@example.net")),
                            UserBuilder.create("lou").email("lou@example.org").emailVerified(true)
                                    .name("Lou", "Locked").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(LOU_PHONE)),
                            UserBuilder.create("rob").email("rob@example.org").emailVerified(true)
                                    .name("Rob", "Register").password(PASSWORD).enabled(true));
        }
    }
}
