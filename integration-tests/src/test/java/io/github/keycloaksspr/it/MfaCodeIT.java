package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprMfaRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
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
import org.keycloak.testframework.server.KeycloakUrls;

/** sspr-sms-otp and sspr-email-otp as the second factor of a browser flow, on the real server with the shipped JAR. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class MfaCodeIT {

    static final String PASSWORD = "Mfa-Passw0rd!";
    static final String MARIA = "mfa-maria";
    static final String MARIA_PHONE = "+4915112345601";
    static final String PAUL = "mfa-paul";
    static final String PAUL_PHONE = "+4915112345602";
    static final String ERIK = "mfa-erik";
    static final String ERIK_ALTERNATE = "erik.private@example.net";
    static final String OTTO = "mfa-otto";
    static final String LENA = "mfa-lena";
    static final String LENA_PHONE = "+4915112345604";
    static final String LENA_ALTERNATE = "lena.private@example.net";

    @InjectRealm(config = MfaRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void correctSmsCodeSignsInAndARefreshDoesNotSendAgain() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = signInWithPassword(MARIA);
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your text message");
            assertThat(browser.textOf("sspr-instruction")).contains("+49 \u2022\u2022\u2022 \u2022\u2022 01");
            assertThat(browser.html()).doesNotContain(MARIA_PHONE);
            assertThat(browser.fieldNames()).contains("code");
            RecordedTwilioRequest sms = twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0);
            assertThat(sms.to()).isEqualTo(MARIA_PHONE);

            refresh(browser);
            assertThat(browser.textOf("sspr-page-title")).as(browser.html()).isEqualTo("Enter the code from your text message");
            refresh(browser);
            assertThat(browser.fieldNames()).contains("code");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().messages()).as("a refresh never sends again").hasSize(1);

            browser.submit(Map.of("code", Codes.in(sms.body())));
            assertThat(signedIn(browser)).as(browser.url() + "\n" + browser.html()).isTrue();
        }
        List<EventRepresentation> events = RealmEvents.ofTypes(realm, "LOGIN");
        assertThat(events).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_method", "sspr-sms-otp"));
    }

    @Test
    void threeWrongCodesKillTheCode() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = signInWithPassword(PAUL);
            String code = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
            String wrong = Codes.wrongFor(code);

            browser.submit(Map.of("code", wrong));
            assertThat(browser.html()).contains("That code is not right.");
            browser.submit(Map.of("code", wrong));
            assertThat(browser.html()).contains("That code is not right.");
            browser.submit(Map.of("code", wrong));
            assertThat(browser.html()).contains("Too many wrong attempts: this code no longer works.");
            assertThat(browser.fieldNames()).doesNotContain("code").contains("resend");

            browser.submit(Map.of("code", code));
            assertThat(signedIn(browser)).as("the right code no longer works").isFalse();
            assertThat(browser.html()).contains("This code has expired or no longer works.");
            assertThat(twilio.twilio().messages()).hasSize(1);

            browser.submit(Map.of("resend", ""));
            RecordedTwilioRequest fresh = twilio.twilio().awaitRequests(2, Duration.ofSeconds(10)).get(1);
            assertThat(browser.fieldNames()).contains("code");
            browser.submit(Map.of("code", Codes.in(fresh.body())));
            assertThat(signedIn(browser)).as("a new code works").isTrue();
        }
        List<EventRepresentation> errors = RealmEvents.ofTypes(realm, "LOGIN_ERROR");
        // The third wrong code is the one that kills it.
        assertThat(errors).filteredOn(e -> "wrong_code".equals(e.getDetails().get("sspr_reason"))).hasSize(2);
        assertThat(errors).filteredOn(e -> "too_many_wrong_codes".equals(e.getDetails().get("sspr_reason"))).hasSize(1);
    }

    /** The phone gateway refuses the sign-in code: the page says so, nothing counts as a wrong guess. */
    @Test
    void aCodeTheGatewayRefusedIsNoWrongGuess() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            twilio.twilio().failAll(500);
            FormBrowser browser = signInWithPassword(OTTO);
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your text message");
            twilio.twilio().awaitRequests(1, Duration.ofSeconds(10));
            BackgroundSends.awaitIdle(urls.getMetric());

            browser.submit(Map.of("code", "123456"));
            assertThat(browser.html()).contains("We could not send the code.");
            assertThat(browser.fieldNames()).contains("resend");
        }
        String ottoId = realm.admin().users().search(OTTO, true).get(0).getId();
        assertThat(realm.admin().attackDetection().bruteForceUserStatus(ottoId).get("numFailures"))
                .as("no login failure for a code that never left").isEqualTo(0);
    }

    @Test
    void emailCodeGoesToTheAlternateAddress() throws Exception {
        FormBrowser browser = signInWithPassword(ERIK);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your email");
        assertThat(browser.textOf("sspr-instruction")).contains("e\u2022\u2022\u2022@\u2022\u2022\u2022");
        MimeMessage mail = awaitMailTo(ERIK_ALTERNATE);
        browser.submit(Map.of("code", Codes.in(MailContent.text(mail))));
        assertThat(signedIn(browser)).as(browser.url() + "\n" + browser.html()).isTrue();
    }

    @Test
    void tryAnotherWaySwitchesFromSmsToEmail() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = signInWithPassword(LENA);
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your text message");
            assertThat(browser.html()).contains("try-another-way");

            browser.submit(Map.of("tryAnotherWay", "on"));
            assertThat(browser.html()).contains("Alternate email code").contains("Text message code");
            browser.submit(Map.of("authenticationExecution", executionNamed(browser.html(), "Alternate email code")));
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your email");
            MimeMessage mail = awaitMailTo(LENA_ALTERNATE);
            browser.submit(Map.of("code", Codes.in(MailContent.text(mail))));
            assertThat(signedIn(browser)).as(browser.url() + "\n" + browser.html()).isTrue();
            assertThat(twilio.twilio().messages()).hasSize(1);
        }
    }

    private FormBrowser signInWithPassword(String username) throws Exception {
        FormBrowser browser = new FormBrowser().open(SsprMfaRealm.loginUrl(urls.getBase(), realm.getName()));
        browser.submit(Map.of("username", username, "password", PASSWORD));
        assertThat(signedIn(browser)).as("the password alone does not sign in").isFalse();
        return browser;
    }

    /**
     * What a reload (or the "continue" link of Keycloak's "page has expired" page) does: the current step of this tab
     * again, i.e. login-actions/authenticate with the tab's client_id and tab_id only.
     */
    private void refresh(FormBrowser browser) throws Exception {
        Matcher action = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"").matcher(browser.html());
        assertThat(action.find()).isTrue();
        String query = action.group(1).replace("&amp;", "&");
        String tabId = param(query, "tab_id");
        browser.open(urls.getBase() + "/realms/" + realm.getName() + "/login-actions/authenticate?client_id="
                + SsprMfaRealm.CLIENT_ID + "&tab_id=" + tabId);
    }

    private static String param(String url, String name) {
        Matcher value = Pattern.compile("[?&]" + name + "=([^&]+)").matcher(url);
        assertThat(value.find()).as(name + " in " + url).isTrue();
        return value.group(1);
    }

    private static boolean signedIn(FormBrowser browser) {
        return browser.url().startsWith(SsprMfaRealm.REDIRECT_URI) && browser.url().contains("code=");
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage mail : mailServer.getReceivedMessages()) {
                if (List.of(mail.getRecipients(Message.RecipientType.TO)).stream()
                        .anyMatch(to -> to.toString().equals(address))) {
                    return mail;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail to " + address);
    }

    /** The execution id behind the entry with this title on Keycloak's "try another way" page. */
    private static String executionNamed(String html, String title) {
        Matcher entry = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"[\\s\\S]*?<h2[^>]*>\\s*([^<]+?)\\s*</h2>")
                .matcher(html);
        while (entry.find()) {
            if (entry.group(2).equals(title)) {
                return entry.group(1);
            }
        }
        throw new AssertionError("no '" + title + "' on:\n" + html);
    }

    public static final class MfaRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprMfaRealm.configure(realm.name("sspr-mfa")).users(
                    UserBuilder.create(MARIA).email("mfa-maria@example.org").emailVerified(true).name("Maria", "Mfa")
                            .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone(MARIA_PHONE)),
                    UserBuilder.create(PAUL).email("mfa-paul@example.org").emailVerified(true).name("Paul", "Mfa")
                            .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone(PAUL_PHONE)),
                    UserBuilder.create(ERIK).email("mfa-erik@example.org").emailVerified(true).name("Erik", "Mfa")
                            .password(PASSWORD).enabled(true).credential(SeededCredentials.alternateEmail(ERIK_ALTERNATE)),
                    UserBuilder.create(OTTO).email("mfa-otto@example.org").emailVerified(true).name("Otto", "Mfa")
                            .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone("+4915112345605")),
                    UserBuilder.create(LENA).email("mfa-lena@example.org").emailVerified(true).name("Lena", "Mfa")
                            .password(PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone(LENA_PHONE))
                            .credential(SeededCredentials.alternateEmail(LENA_ALTERNATE)));
        }
    }
}
