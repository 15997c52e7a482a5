package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.DemoRun.adminToken;
import static io.github.keycloaksspr.it.support.DemoRun.authorizationUrl;
import static io.github.keycloaksspr.it.support.DemoRun.awaitInboxRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keycloaksspr.it.support.AccountConsole;
import io.github.keycloaksspr.it.support.AltchaSolver;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.DemoRun;
import io.github.keycloaksspr.it.support.FormBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Runs the README's first command, {@code demo/run.sh}, as a newcomer would, and checks what they get: the whole
 * product in the demo realm — sign-in with a text-message code as second factor, security-info review and registration
 * at sign-in (also for a user in the Samba AD that {@code --with-ad} federates), "Forgot password?" with codes in the
 * inbox sink, insights and metrics as the banner tells —, the admin account, and nothing left running after Ctrl-C.
 * Runs in its own failsafe execution, after the shared test server has stopped, because both use port 8080.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(120)
class DemoIT {

    private static final String BASE = DemoRun.BASE;
    private static final String INBOX = DemoRun.INBOX;
    private static final Path ROOT = DemoRun.ROOT;

    private static final List<Integer> DEMO_PORTS = List.of(8080, 9000, 2525, 8089, 8090, 636);

    private static DemoRun demo;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoRun.start(Duration.ofMinutes(8), "--no-build", "--reset", "--with-ad");
    }

    @AfterAll
    static void stopDemoIfStillRunning() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void printsTheUrlsAndAccountsANewcomerNeeds() throws IOException {
        assertThat(demo.output())
                .contains(BASE + "/realms/sspr-demo/account")
                .contains(BASE + "/admin/master/console/")
                .contains(INBOX)
                .contains("alice", "Alice-Passw0rd!", "ann-admin")
                .contains("carol", "Carol-Passw0rd!", "federated WRITABLE")
                .contains(BASE + "/admin/realms/sspr-demo/sspr/insights")
                .contains("http://localhost:9000/metrics")
                .as("a clean banner: no terminal escape codes, no SLF4J notices")
                .doesNotContain("\u001b[").doesNotContain("[0m").doesNotContain("SLF4J");
    }

    @Test
    @Order(2)
    void aliceSignsInWithATextMessageCodeThenReviewsHerSecurityInfo() throws Exception {
        FormBrowser browser = new FormBrowser().open(authorizationUrl());
        assertThat(browser.title()).isEqualTo("Sign in to keycloak-sspr demo");

        browser.submit(Map.of("username", "alice", "password", "Alice-Passw0rd!"));
        assertThat(browser.fieldNames()).as("the MFA code page").contains("code");
        browser.submit(Map.of("code", Codes.in(awaitInboxRow("+12015550101"))));

        assertThat(browser.textOf("sspr-page-title")).as("asked to review her security info")
                .isEqualTo("Keep your account recoverable");
        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.url()).as("redirected back to the app with a code").startsWith(INBOX).contains("code=");
    }

    @Test
    @Order(3)
    void bobIsAskedToRegisterAndMayPutItOff() throws Exception {
        FormBrowser browser = new FormBrowser().open(authorizationUrl());
        browser.submit(Map.of("username", "bob", "password", "Bob-Passw0rd!"));

        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        assertThat(browser.html()).contains("sspr-add-phone", "sspr-add-email", "sspr-skip");
        browser.submit(Map.of("action", "skip"));
        assertThat(browser.url()).as("\"Not now\" lets him in").startsWith(INBOX).contains("code=");
    }

    @Test
    @Order(4)
    void withTheAdFlagTheActiveDirectoryUserSignsIn() throws Exception {
        FormBrowser browser = new FormBrowser().open(authorizationUrl());

        browser.submit(Map.of("username", "carol", "password", "Carol-Passw0rd!"));
        assertThat(browser.textOf("sspr-page-title")).as("carol's AD password accepted, registration asked")
                .isEqualTo("Keep your account recoverable");
        browser.submit(Map.of("action", "skip"));

        assertThat(browser.url()).startsWith(INBOX).contains("code=");
    }

    @Test
    @Order(5)
    void forgotPasswordRunsTheSsprFlowAndTheCodeShowsUpInTheInboxPage() throws Exception {
        FormBrowser browser = new FormBrowser().open(authorizationUrl()).clickLink("Forgot Password?");
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Reset your password");
        browser.submit(Map.of("username", "alice",
                "sspr-captcha", AltchaSolver.solve(AltchaSolver.challengeOf(browser.html()))));
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Verify your identity");
        browser.submit(Map.of("method", "sspr-email"));

        assertThat(awaitInboxRow("alice.home@sspr-demo.test")).contains("verification code");
    }

    @Test
    @Order(6)
    void insightsAndMetricsShowWhatHappened() throws Exception {
        HttpResponse<String> insights = DemoRun.get(BASE + "/admin/realms/sspr-demo/sspr/insights",
                "Authorization", "Bearer " + adminToken());
        assertThat(insights.statusCode()).as(insights.body()).isEqualTo(200);
        assertThat(insights.body()).as("alice confirmed her security info").contains("\"confirmed\":1");
        assertThat(insights.body()).as("alice and ann-admin have a phone and an alternate email; bob has none")
                .contains("\"capable\":2");

        assertThat(DemoRun.get("http://localhost:9000/metrics").body())
                .as("the pack's counters on Keycloak's Prometheus endpoint")
                .containsPattern("sspr_sends_total\\{[^}]*channel=\"sms\"[^}]*\\} [1-9]");
    }

    @Test
    @Order(7)
    void adminConsoleServesAndThePrintedAdminAccountWorks() throws Exception {
        HttpResponse<String> console = DemoRun.get(BASE + "/admin/master/console/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Keycloak");
        assertThat(adminToken()).isNotBlank();
    }

    /**
     * The README's first URL is the Account Console: every demo account reaches its "Signing in" (the imported users
     * have the realm's default roles), where every credential type of the pack has a name and a help text in each of
     * the nine languages and the imported phone and address are listed by their masked values.
     */
    @Test
    @Order(9)
    void everyDemoAccountOpensSigningInWithNamesAndMaskedLabelsInEveryLanguage() throws Exception {
        for (List<String> account : List.of(List.of("alice", "Alice-Passw0rd!", "+12015550101"),
                List.of("bob", "Bob-Passw0rd!", ""), List.of("ann-admin", "Ann-Adm1n-Passw0rd!", "+12015550103"))) {
            AccountConsole console = signInToTheConsole(account.get(0), account.get(1), account.get(2)).console();
            HttpResponse<String> first = console.account();
            assertThat(first.statusCode()).as("%s: %s", account.get(0), first.body()).isEqualTo(200);
            JsonNode types = console.credentials();
            assertThat(types).extracting(t -> t.path("type").asText()).as(account.get(0))
                    .contains("sspr-mobile-phone", "sspr-alternate-email", "sspr-security-questions");
            for (String language : LANGUAGES) {
                Map<String, String> messages = console.messages(language);
                for (JsonNode type : types) {
                    for (String key : List.of(type.path("displayName").asText(), type.path("helptext").asText())) {
                        if (key.startsWith("sspr-")) {
                            assertThat(messages.get(key)).as("%s, %s: %s", account.get(0), language, key)
                                    .isNotBlank().doesNotContain("sspr-");
                        }
                    }
                }
            }
            for (JsonNode type : types) {
                if (!type.path("type").asText().startsWith("sspr-")) {
                    continue;
                }
                for (JsonNode credential : type.path("userCredentialMetadatas")) {
                    assertThat(credential.path("credential").path("userLabel").asText())
                            .as("%s's %s", account.get(0), type.path("type").asText())
                            .isNotBlank().doesNotContain("sspr-").contains("\u2022");
                }
            }
        }
    }

    /** The Account Console's "Remove" of a pack method leads to the security-info page, never to an error page. */
    @Test
    @Order(10)
    void removingAPackMethodThroughTheConsoleLeadsToTheSecurityInfoPage() throws Exception {
        ConsoleSession alice = signInToTheConsole("alice", "Alice-Passw0rd!", "+12015550101");
        String phoneId = StreamSupport.stream(alice.console().credentials().spliterator(), false)
                .filter(t -> t.path("type").asText().equals("sspr-mobile-phone"))
                .flatMap(t -> StreamSupport.stream(t.path("userCredentialMetadatas").spliterator(), false))
                .map(c -> c.path("credential").path("id").asText()).findFirst().orElseThrow();

        alice.browser().open(AccountConsole.signInUrl(BASE, "sspr-demo")[0] + "&kc_action=delete_credential:" + phoneId);

        assertThat(alice.browser().html()).as("the security-info page is where methods are removed")
                .contains("Remove this method on your security info page")
                .contains("kc_action=sspr-register-security-info")
                .doesNotContain("cannot be removed").doesNotContain("sspr-mobile-phone");
        assertThat(StreamSupport.stream(alice.console().credentials().spliterator(), false)
                .filter(t -> t.path("type").asText().equals("sspr-mobile-phone"))
                .flatMap(t -> StreamSupport.stream(t.path("userCredentialMetadatas").spliterator(), false)))
                .as("the phone stays").hasSize(1);
    }

    /**
     * The demo realm's budgets suit trying the product (the banner says them): a fourth "Forgot password?" in a row
     * still gets its code, where the product's default (3 per number per hour) would refuse it.
     */
    @Test
    @Order(11)
    void theDemoLetsANewcomerTryForgotPasswordAgainAndAgain() throws Exception {
        assertThat(demo.output()).contains("20 codes per account", "10 per phone number or address in 15 minutes");
        String previous = DemoRun.newestInboxRow("+12015550103").orElse(null);
        for (int attempt = 1; attempt <= 4; attempt++) {
            FormBrowser browser = new FormBrowser().open(authorizationUrl()).clickLink("Forgot Password?");
            browser.submit(Map.of("username", "ann-admin",
                    "sspr-captcha", AltchaSolver.solve(AltchaSolver.challengeOf(browser.html()))));
            browser.submit(Map.of("method", "sspr-sms"));
            assertThat(browser.html()).as("attempt %d", attempt).doesNotContain("Too many codes")
                    .doesNotContain("No more codes");
            previous = DemoRun.awaitNewInboxRow("+12015550103", previous);
            assertThat(previous).as("attempt %d", attempt).contains("verification code");
        }
    }

    @Test
    @Order(20)
    void ctrlCStopsEverythingItStarted() throws Exception {
        List<ProcessHandle> started = demo.startedProcesses();
        assertThat(started).as("what the script started").isNotEmpty();
        demo.interrupt();
        assertThat(demo.awaitExit(Duration.ofSeconds(90))).as("demo exits after Ctrl-C").isTrue();
        assertThat(DemoRun.survivors(started, Duration.ofSeconds(10))).as("processes the script left behind").isEmpty();
        assertThat(demo.output()).contains("demo: stopped");
        for (int port : DEMO_PORTS) {
            assertThat(listening(port)).as("port %d closed", port).isFalse();
        }
        assertThat(processesMentioning(ROOT.resolve("demo/.work").toString())).as("Keycloak processes left").isEmpty();
        assertThat(processesMentioning("io.github.keycloaksspr.testsinks.DemoSinks")).as("sink processes left").isEmpty();
        assertThat(processesMentioning("samba: root process")).as("Samba AD left running").isEmpty();
    }

    private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja");

    /** A signed-in browser and the Account Console it reached. */
    private record ConsoleSession(FormBrowser browser, AccountConsole console) {
    }

    /** Signs in to the Account Console as the user does: password, the texted code if asked, past the review. */
    private static ConsoleSession signInToTheConsole(String username, String password, String phone) throws Exception {
        String[] signIn = AccountConsole.signInUrl(BASE, "sspr-demo");
        String previous = phone.isEmpty() ? null : DemoRun.newestInboxRow(phone).orElse(null);
        FormBrowser browser = new FormBrowser().open(signIn[0]);
        browser.submit(Map.of("username", username, "password", password));
        if (!phone.isEmpty() && browser.fieldNames().contains("code")) {
            browser.submit(Map.of("code", Codes.in(DemoRun.awaitNewInboxRow(phone, previous))));
        }
        if (browser.html().contains("Keep your account recoverable")) {
            browser.submit(Map.of("action", browser.html().contains("sspr-skip") ? "skip" : "confirm"));
        }
        return new ConsoleSession(browser, AccountConsole.afterSignIn(BASE, "sspr-demo", browser, signIn[1]));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Long> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(text)).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }
}
