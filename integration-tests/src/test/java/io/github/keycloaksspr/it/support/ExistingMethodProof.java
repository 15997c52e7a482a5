package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.keycloak.testframework.mail.MailServer;

/**
 * The security-info page asks a user who has methods to prove one before a change; this answers it as the user does:
 * pick the method on the list, enter what it sent or shows, and land where the change that asked for the proof goes
 * on (the page keeps what the user had typed).
 */
public final class ExistingMethodProof {

    public static final String ASKED = "To change your security info, first confirm it is you";
    public static final String DONE = "You can now change your security info for the next 10 minutes";

    private ExistingMethodProof() {
    }

    public static boolean asked(FormBrowser browser) {
        return browser.html().contains(ASKED);
    }

    /** The proof page is gone and no answer was refused: the change goes on. */
    private static void assertProven(FormBrowser browser) {
        assertThat(browser.html()).as(browser.html()).doesNotContain(ASKED).doesNotContain("sspr-select-method-form")
                .doesNotContain("sspr-verify-method-form");
    }

    /** Proves the registered phone by the next SMS the stand-in receives. */
    public static void bySms(FormBrowser browser, TwilioApiStandIn twilio) throws IOException, InterruptedException {
        int before = twilio.requests().size();
        browser.submit(Map.of("method", "sspr-sms"));
        String code = Codes.in(twilio.awaitRequests(before + 1, Duration.ofSeconds(10)).get(before).body());
        browser.submit(Map.of("code", code));
        assertProven(browser);
    }

    /** Proves the registered alternate address by the code mail GreenMail receives next. */
    public static void byEmail(FormBrowser browser, MailServer mail) throws Exception {
        Set<String> seen = new HashSet<>();
        for (MimeMessage earlier : mail.getReceivedMessages()) {
            seen.add(earlier.getMessageID());
        }
        browser.submit(Map.of("method", "sspr-email"));
        MimeMessage code = null;
        for (long deadline = System.currentTimeMillis() + 15_000; code == null && System.currentTimeMillis() < deadline; ) {
            for (MimeMessage received : mail.getReceivedMessages()) {
                // GreenMail lists mails in no guaranteed order: notices of an earlier change may arrive in between.
                if (!seen.contains(received.getMessageID()) && received.getSubject().contains("verification code")) {
                    code = received;
                }
            }
            Thread.sleep(100);
        }
        assertThat(code).as("the code mail").isNotNull();
        browser.submit(Map.of("code", Codes.in(MailContent.text(code))));
        assertProven(browser);
    }

    /** Proves the authenticator app with the code it shows next (the current one may just have been used). */
    public static void byAuthenticatorApp(FormBrowser browser, String secret) throws IOException, InterruptedException {
        browser.submit(Map.of("method", "sspr-totp"));
        browser.submit(Map.of("code", Totp.next(secret)));
        assertProven(browser);
    }
}
