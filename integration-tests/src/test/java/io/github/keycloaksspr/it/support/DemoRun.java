package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code demo/run.sh} started as a newcomer starts it, and what they then use: the sign-in page of the demo app, the
 * inbox page of the sinks, the admin account the banner prints. Stopped the way a terminal stops it.
 */
public final class DemoRun implements AutoCloseable {

    public static final String BASE = "http://localhost:8080";
    public static final String INBOX = "http://127.0.0.1:8090/";
    public static final Path ROOT =
            Path.of(System.getProperty("sspr.projectRoot", "..")).toAbsolutePath().normalize();

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern INBOX_ROW = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path output;

    private DemoRun(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Runs {@code demo/run.sh} with {@code options} and waits for its banner. */
    public static DemoRun start(Duration timeout, String... options) throws Exception {
        Path output = Files.createTempFile("sspr-demo", ".log");
        List<String> command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("demo/run.sh").toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        DemoRun demo = new DemoRun(process, output);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!demo.output().contains("Press Ctrl-C")) {
            assertThat(process.isAlive()).as("demo still running; its output:%n%s", demo.output()).isTrue();
            assertThat(System.nanoTime()).as("demo ready within %s", timeout).isLessThan(deadline);
            Thread.sleep(1000);
        }
        return demo;
    }

    public String output() throws IOException {
        return Files.readString(output);
    }

    /**
     * What a terminal's Ctrl-C delivers: SIGINT. A shell started with SIGINT already ignored (a background job of a
     * non-interactive shell, as some CI runners start builds) can never trap it, so there the test sends SIGTERM,
     * which the script handles the same way, as a process manager would.
     */
    public void interrupt() throws IOException, InterruptedException {
        String signal = ignoresSigint() ? "-TERM" : "-INT";
        new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    /** Every process the script has started and that still runs (compose, the nodes, the sinks, its own waits). */
    public List<ProcessHandle> startedProcesses() {
        return process.descendants().toList();
    }

    /** After the script's exit: which of {@code started} still run, by command line; none once the stop is clean. */
    public static List<String> survivors(List<ProcessHandle> started, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return started.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            interrupt();
            awaitExit(Duration.ofSeconds(90));
            process.destroyForcibly();
        }
    }

    /** The demo app's sign-in page URL; the demo client enforces PKCE (S256), as public clients should. */
    public static String authorizationUrl() throws Exception {
        byte[] verifier = new byte[32];
        new SecureRandom().nextBytes(verifier);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(Base64.getUrlEncoder().withoutPadding().encodeToString(verifier).getBytes(StandardCharsets.US_ASCII)));
        return BASE + "/realms/sspr-demo/protocol/openid-connect/auth?client_id=sspr-demo-app&response_type=code"
                + "&scope=openid&code_challenge_method=S256&code_challenge=" + challenge
                + "&redirect_uri=" + URLEncoder.encode(INBOX, StandardCharsets.UTF_8);
    }

    /** The newest row of the inbox page (texts first, then mail, newest first) that names {@code destination}. */
    /** The newest inbox row naming {@code destination}, if any, without waiting. */
    public static java.util.Optional<String> newestInboxRow(String destination) throws Exception {
        Matcher row = INBOX_ROW.matcher(get(INBOX).body());
        while (row.find()) {
            if (row.group().contains(destination)) {
                return java.util.Optional.of(row.group());
            }
        }
        return java.util.Optional.empty();
    }

    /** The newest inbox row naming {@code destination} once it is another than {@code previous} (null: any). */
    public static String awaitNewInboxRow(String destination, String previous) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            java.util.Optional<String> row = newestInboxRow(destination);
            if (row.isPresent() && !row.get().equals(previous)) {
                return row.get();
            }
            assertThat(System.nanoTime()).as("a new delivery to %s in the inbox page", destination).isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    public static String awaitInboxRow(String destination) throws Exception {
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

    /** A token of the admin account the banner prints (master realm, admin-cli). */
    public static String adminToken() throws Exception {
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

    public static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean ignoresSigint() throws IOException {
        final long sigintBit = 1L << (2 - 1);
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .anyMatch(line -> (Long.parseUnsignedLong(line.substring(7).trim(), 16) & sigintBit) != 0);
    }
}
