package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.it.support.AltchaSolver;
import io.github.keycloaksspr.it.support.Codes;
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

    private static final String BASE = "http://localhost:8080";
    private static final String INBOX = "http://127.0.0.1:8090/";
    private static final List<Integer> DEMO_PORTS = List.of(8080, 9000, 2525, 8089, 8090, 636);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private static final Path ROOT = Path.of(System.getProperty("sspr.projectRoot", "..")).toAbsolutePath().normalize();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern INBOX_ROW = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process demo;
    private static Path output;

    @BeforeAll
    static void startDemo() throws Exception {
        output = Files.createTempFile("sspr-demo", ".log");
        demo = new ProcessBuilder("bash", ROOT.resolve("demo/run.sh").toString(), "--no-build", "--reset", "--with-ad")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!demoOutput().contains("Press Ctrl-C")) {
            assertThat(demo.isAlive()).as("demo still running; its output:%n%s", demoOutput()).isTrue();
            assertThat(System.nanoTime()).as("demo ready within %s", START_TIMEOUT).isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    @AfterAll
    static void stopDemoIfStillRunning() throws Exception {
        if (demo != null && demo.isAlive()) {
            interrupt(demo);
            demo.waitFor(90, TimeUnit.SECONDS);
            demo.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void printsTheUrlsAndAccountsANewcomerNeeds() throws IOException {
        assertThat(demoOutput())
                .contains(BASE + "/realms/sspr-demo/account")
                .contains(BASE + "/admin/master/console/")
                .contains(INBOX)
                .contains("alice", "Alice-Passw0rd!", "ann-admin")
                .contains("carol", "Carol-Passw0rd!", "federated WRITABLE")
                .contains(BASE + "/admin/realms/sspr-demo/sspr/insights")
                .contains("http://localhost:9000/metrics");
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
        HttpResponse<String> insights = HTTP.send(HttpRequest.newBuilder(
                        URI.create(BASE + "/admin/realms/sspr-demo/sspr/insights"))
                .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(insights.statusCode()).as(insights.body()).isEqualTo(200);
        assertThat(insights.body()).as("alice confirmed her security info").contains("\"registered\":1");

        assertThat(get("http://localhost:9000/metrics").body())
                .as("the pack's counters on Keycloak's Prometheus endpoint")
                .containsPattern("sspr_sends_total\\{[^}]*channel=\"sms\"[^}]*\\} [1-9]");
    }

    @Test
    @Order(7)
    void adminConsoleServesAndThePrintedAdminAccountWorks() throws Exception {
        HttpResponse<String> console = get(BASE + "/admin/master/console/");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Keycloak");
        assertThat(adminToken()).isNotBlank();
    }

    @Test
    @Order(8)
    void ctrlCStopsEverythingItStarted() throws Exception {
        interrupt(demo);
        assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo exits after Ctrl-C").isTrue();
        assertThat(demoOutput()).contains("demo: stopped");
        for (int port : DEMO_PORTS) {
            assertThat(listening(port)).as("port %d closed", port).isFalse();
        }
        assertThat(processesMentioning(ROOT.resolve("demo/.work").toString())).as("Keycloak processes left").isEmpty();
        assertThat(processesMentioning("io.github.keycloaksspr.testsinks.DemoSinks")).as("sink processes left").isEmpty();
        assertThat(processesMentioning("samba: root process")).as("Samba AD left running").isEmpty();
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Matcher accessToken = ACCESS_TOKEN.matcher(token.body());
        assertThat(accessToken.find()).as(token.body()).isTrue();
        return accessToken.group(1);
    }

    /** The newest row of the inbox page (texts first, then mail, newest first) that names {@code destination}. */
    private static String awaitInboxRow(String destination) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Matcher row = INBOX_ROW.matcher(get(INBOX).body());
            while (row.find()) {
                if (row.group().contains(destination)) {
                    return row.group();
                }
            }
            assertThat(System.nanoTime()).as("a delivery to %s in the inbox page", destination).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** The demo client enforces PKCE (S256), as public clients should. */
    private static String authorizationUrl() throws Exception {
        byte[] verifier = new byte[32];
        new SecureRandom().nextBytes(verifier);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(Base64.getUrlEncoder().withoutPadding().encodeToString(verifier).getBytes(StandardCharsets.US_ASCII)));
        return BASE + "/realms/sspr-demo/protocol/openid-connect/auth?client_id=sspr-demo-app&response_type=code"
                + "&scope=openid&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(INBOX, StandardCharsets.UTF_8);
    }

    /**
     * What a terminal's Ctrl-C delivers: SIGINT. A shell started with SIGINT already ignored (a background job of a
     * non-interactive shell, as some CI runners start builds) can never trap it, so there the test sends SIGTERM,
     * which the script handles the same way, as a process manager would.
     */
    private static void interrupt(Process process) throws IOException, InterruptedException {
        String signal = ignoresSigint(process) ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    private static boolean ignoresSigint(Process process) throws IOException {
        final long sigintBit = 1L << (2 - 1);
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .anyMatch(line -> (Long.parseUnsignedLong(line.substring(7).trim(), 16) & sigintBit) != 0);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
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

    private static String demoOutput() throws IOException {
        return Files.readString(output);
    }
}
