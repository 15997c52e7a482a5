package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.Timings.ms;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AltchaSolver;
import io.github.keycloaksspr.it.support.ClientAddresses;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.Deliveries;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ProxiedServerConfig;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
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

/**
 * Whole resets per second: the pack's "Forgot password?" (CAPTCHA at the default difficulty, an SMS code, an
 * alternate-email code, the new password) against Keycloak's built-in email link, from the login page to the sign-in
 * redirect, at 1, 4 and 20 concurrent users. Each realm has one reset flow, so each flow has a realm of its own with
 * the same settings otherwise. The flows run in alternating batches (pack, built-in, built-in, pack, ...) so that
 * drift (JIT, caches, the machine's other load) hits both alike; every reset takes a user nobody reset before, so no
 * per-user budget bites and no user is reset twice at once. Each simulated user comes from its own client address
 * ({@link ProxiedServerConfig}): from 127.0.0.1 alone the per-address send budget would stop the pack after 50 resets.
 * <p>
 * Also prints the per-step medians of one user at a time, and the server's password-hash ceiling (direct-grant
 * sign-ins per second at concurrency 4): both flows end in one password hash, and on a small machine the hash is what
 * bounds them. A measurement, not a test: it fails only if a reset or sign-in fails. Run with
 * {@code mvn verify -pl integration-tests -Pbenchmark -Dit.test=ResetThroughputBenchmark} (after
 * {@code mvn install -DskipTests}).
 */
@KeycloakIntegrationTest(config = ProxiedServerConfig.class)
class ResetThroughputBenchmark {

    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";
    static final int WARM_UP = Integer.getInteger("sspr.bench.resetWarmUp", 10);
    /** Resets per flow and concurrency, in {@link #BATCHES} batches per flow. */
    static final int RESETS = Integer.getInteger("sspr.bench.resets", 80);
    static final int BATCHES = Integer.getInteger("sspr.bench.resetBatches", 2);
    static final int BATCH = (RESETS + BATCHES - 1) / BATCHES;
    static final int[] CONCURRENCY = Arrays.stream(System.getProperty("sspr.bench.concurrency", "1,4,20").split(","))
            .map(String::strip).mapToInt(Integer::parseInt).toArray();
    static final int LOGINS = Integer.getInteger("sspr.bench.logins", 200);
    static final int LOGIN_WARM_UP = 20;
    static final int LOGIN_CONCURRENCY = 4;
    /** Users per realm: one per reset, never one twice. */
    static final int USERS = WARM_UP + BATCH * BATCHES * CONCURRENCY.length;
    static final String DIRECT_GRANT_CLIENT = "bench-direct-grant";
    /** A few sign-in users for the hash ceiling, so that concurrent grants do not all wait for one user's row. */
    static final String CEILING_USER = "ceiling";

    static final List<String> PACK_STEPS = List.of("start (login page, Forgot Password?)", "(solve the CAPTCHA in the client)",
            "choose account", "select sms", "(wait for the SMS)", "check sms code (the email code goes out)",
            "(wait for the mail)", "check email code", "new password");
    static final List<String> BUILT_IN_STEPS = List.of("start (login page, Forgot Password?)", "username",
            "(wait for the mail)", "open the link", "new password");
    private static final Pattern PROCEED = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>[^<]*proceed", Pattern.CASE_INSENSITIVE);

    @InjectRealm(ref = "pack", config = PackRealm.class)
    ManagedRealm pack;

    @InjectRealm(ref = "builtIn", config = BuiltInRealm.class)
    ManagedRealm builtIn;

    /** Also sets both realms' SMTP server: codes and links arrive in GreenMail. */
    @InjectMailServer
    MailServer mailServer;

    /** The Twilio stand-in and the test app's redirect URI live here. */
    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private Deliveries<RecordedTwilioRequest> texts;
    private Deliveries<MimeMessage> mails;
    private final AtomicInteger nextPackUser = new AtomicInteger();
    private final AtomicInteger nextBuiltInUser = new AtomicInteger();

    @Test
    void resetsPerSecondOfThePackAndOfKeycloaksEmailLink() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            texts = Deliveries.textsOf(twilio.twilio());
            mails = Deliveries.mailsOf(mailServer);
            for (int i = 0; i < WARM_UP; i++) {
                packReset(null);
                builtInReset(null);
            }
            Map<String, List<Long>> packSteps = new LinkedHashMap<>();
            Map<String, List<Long>> builtInSteps = new LinkedHashMap<>();
            Map<Integer, Tally[]> tallies = new LinkedHashMap<>();
            for (int concurrency : CONCURRENCY) {
                // One user at a time measures latency, where the client's priority only adds its own delays.
                setPriority(concurrency > 1 ? 19 : 0);
                // Steps are timed only one user at a time: under load they measure the queue, not the step.
                Map<String, List<Long>> packTimes = concurrency == 1 ? packSteps : null;
                Map<String, List<Long>> builtInTimes = concurrency == 1 ? builtInSteps : null;
                Tally packTally = new Tally();
                Tally builtInTally = new Tally();
                ExecutorService threads = Executors.newFixedThreadPool(concurrency);
                try {
                    for (int batch = 0; batch < BATCHES; batch++) {
                        // ABBA: pack, built-in, built-in, pack, ... neither flow always runs on the warmer server.
                        boolean packFirst = batch % 2 == 0;
                        if (packFirst) {
                            packTally.add(run(threads, BATCH, () -> packReset(packTimes)));
                        }
                        builtInTally.add(run(threads, BATCH, () -> builtInReset(builtInTimes)));
                        if (!packFirst) {
                            packTally.add(run(threads, BATCH, () -> packReset(packTimes)));
                        }
                    }
                } finally {
                    threads.shutdownNow();
                }
                tallies.put(concurrency, new Tally[] {packTally, builtInTally});
            }
            setPriority(19);
            Tally logins = directGrants();
            print(tallies, logins, packSteps, builtInSteps);
        }
    }

    /**
     * Client and server share this machine's two cores: under load the client's work (solving CAPTCHAs, parsing
     * pages, the mail and SMS sinks) would be taken from the server and counted against the flow that makes the client
     * work more. Production clients are other machines, so for the concurrent runs every thread of this JVM gives way
     * to the server ({@code nice}; threads started later inherit it). Linux only; elsewhere the run goes on as it is.
     */
    private static void setPriority(int nice) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
            tasks.map(task -> task.getFileName().toString()).forEach(command::add);
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException | InterruptedException e) {
            System.out.println("could not lower this JVM's priority: " + e);
        }
    }

    /** One pack reset of a fresh user, from the login page to the sign-in redirect; returns its nanoseconds. */
    private long packReset(Map<String, List<Long>> steps) throws Exception {
        int n = take(nextPackUser);
        String username = user(n);
        String phone = phone(n);
        String alternate = alternateEmail(n);
        long start = System.nanoTime();
        ResetJourney journey = new ResetJourney(urls.getBase(), pack.getName(), ClientAddresses.next());
        timed(steps, PACK_STEPS.get(0), journey::start);
        String solution = timed(steps, PACK_STEPS.get(1),
                () -> AltchaSolver.solve(AltchaSolver.challengeOf(journey.html())));
        timed(steps, PACK_STEPS.get(2),
                () -> journey.submit(Map.of("username", username, ResetJourney.CAPTCHA_FIELD, solution)));
        expect(journey.html().contains("id=\"sspr-method-sspr-sms\""), journey, "choose account", username);

        int textsBefore = texts.count(phone);
        timed(steps, PACK_STEPS.get(3), () -> journey.selectMethod("sspr-sms"));
        expect(journey.fieldNames().contains("code"), journey, "select sms", username);
        RecordedTwilioRequest sms = timed(steps, PACK_STEPS.get(4), () -> texts.await(phone, textsBefore));
        // The alternate email is the only method left: the code page comes at once and the mail goes out with it.
        int mailsBefore = mails.count(alternate);
        timed(steps, PACK_STEPS.get(5), () -> journey.enterCode(Codes.in(sms.body())));
        expect(journey.html().contains("Verification step 2 of 2") && journey.fieldNames().contains("code"), journey,
                "check sms code", username);
        MimeMessage mail = timed(steps, PACK_STEPS.get(6), () -> mails.await(alternate, mailsBefore));
        String code = Codes.in(MailContent.text(mail));
        timed(steps, PACK_STEPS.get(7), () -> journey.enterCode(code));
        // Unlock-or-reset asks only locked accounts: these users are not locked, the new password comes next.
        expect(journey.fieldNames().contains("password-new"), journey, "check email code", username);

        timed(steps, PACK_STEPS.get(8), () -> journey.setNewPassword(NEW_PASSWORD));
        expect(journey.signedIn(), journey, "new password", username);
        return System.nanoTime() - start;
    }

    /** One built-in reset of a fresh user: username, the mail's link, the new password; returns its nanoseconds. */
    private long builtInReset(Map<String, List<Long>> steps) throws Exception {
        int n = take(nextBuiltInUser);
        String username = user(n);
        String email = builtInEmail(n);
        long start = System.nanoTime();
        FormBrowser browser = new FormBrowser(ClientAddresses.next());
        timed(steps, BUILT_IN_STEPS.get(0), () -> browser.open(loginUrl(builtIn)).clickLink("Forgot Password?"));
        assertThat(browser.fieldNames()).as("built-in reset page of %s: %s", username, browser.url()).contains("username");

        int mailsBefore = mails.count(email);
        timed(steps, BUILT_IN_STEPS.get(1), () -> browser.submit(Map.of("username", username)));
        MimeMessage mail = timed(steps, BUILT_IN_STEPS.get(2), () -> mails.await(email, mailsBefore));
        String link = MailContent.firstLink(mail, "/login-actions/action-token");
        timed(steps, BUILT_IN_STEPS.get(3), () -> {
            browser.open(link);
            // Keycloak asks "Click here to proceed" when the link's session is not the browser's; here it is, so
            // this should not happen, but if it does the click belongs to the step.
            Matcher proceed = PROCEED.matcher(browser.html());
            if (!browser.fieldNames().contains("password-new") && proceed.find()) {
                browser.open(URI.create(browser.url()).resolve(proceed.group(1).replace("&amp;", "&")).toString());
            }
            return browser;
        });
        assertThat(browser.fieldNames()).as("built-in password page of %s: %s %s", username, browser.url(), browser.title())
                .contains("password-new");

        timed(steps, BUILT_IN_STEPS.get(4),
                () -> browser.submit(Map.of("password-new", NEW_PASSWORD, "password-confirm", NEW_PASSWORD)));
        assertThat(TestAppLogin.signedIn(browser)).as("built-in reset of %s ends signed in: %s", username, browser.url())
                .isTrue();
        return System.nanoTime() - start;
    }

    /**
     * Direct-grant sign-ins (one password hash each, no pages) at concurrency 4: the most password checks per second
     * this server does, the ceiling of any flow that hashes once.
     */
    private Tally directGrants() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI tokenEndpoint = URI.create(urls.getBase() + "/realms/" + builtIn.getName() + "/protocol/openid-connect/token");
        AtomicInteger next = new AtomicInteger();
        Callable<Long> signIn = () -> {
            String form = "grant_type=password&client_id=" + DIRECT_GRANT_CLIENT
                    + "&username=" + CEILING_USER + "-" + next.getAndIncrement() % LOGIN_CONCURRENCY
                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as("direct grant: %s", response.body()).isEqualTo(200);
            return elapsed;
        };
        ExecutorService threads = Executors.newFixedThreadPool(LOGIN_CONCURRENCY);
        try {
            run(threads, LOGIN_WARM_UP, signIn);
            Tally tally = new Tally();
            tally.add(run(threads, LOGINS, signIn));
            return tally;
        } finally {
            threads.shutdownNow();
        }
    }

    /** {@code count} calls on these threads at once; returns their results and the wall-clock time of all. */
    private static Batch run(ExecutorService threads, int count, Callable<Long> task) throws Exception {
        List<Callable<Long>> tasks = Collections.nCopies(count, task);
        long start = System.nanoTime();
        List<Future<Long>> done = threads.invokeAll(tasks);
        long wall = System.nanoTime() - start;
        List<Long> nanos = new ArrayList<>();
        for (Future<Long> result : done) {
            try {
                nanos.add(result.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
        }
        return new Batch(nanos, wall);
    }

    private void print(Map<Integer, Tally[]> tallies, Tally logins, Map<String, List<Long>> packSteps,
                       Map<String, List<Long>> builtInSteps) {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nReset throughput: pack (CAPTCHA at the default difficulty, SMS code, alternate-email code, new password)"
                        + " vs built-in (email link, new password), login page to sign-in redirect;%n"
                        + "%d resets per flow and concurrency in batches of %d, alternating pack/built-in (ABBA),"
                        + " after %d warm-up resets each:%n"
                        + "  concurrency  pack resets/s  built-in resets/s  pack/built-in  pack median ms  built-in median ms%n",
                BATCH * BATCHES, BATCH, WARM_UP));
        tallies.forEach((concurrency, tally) -> report.append(String.format(Locale.ROOT,
                "  %11d  %13.2f  %17.2f  %13.2f  %14.1f  %18.1f%n", concurrency, tally[0].perSecond(),
                tally[1].perSecond(), tally[0].perSecond() / tally[1].perSecond(), ms(tally[0].nanos, 50),
                ms(tally[1].nanos, 50))));
        report.append(String.format(Locale.ROOT,
                "Password-hash ceiling: %.2f direct-grant sign-ins/s at concurrency %d (median %.1f ms, p95 %.1f ms, %d sign-ins)%n",
                logins.perSecond(), LOGIN_CONCURRENCY, ms(logins.nanos, 50), ms(logins.nanos, 95), logins.nanos.size()));
        if (!packSteps.isEmpty()) {
            report.append(String.format(Locale.ROOT,
                    "Per-step medians at concurrency 1 (ms; in parentheses: the client's work or a wait, no request of its own):%n"));
            appendSteps(report, "pack", PACK_STEPS, packSteps);
            appendSteps(report, "built-in", BUILT_IN_STEPS, builtInSteps);
        }
        System.out.println(report);
    }

    private static void appendSteps(StringBuilder report, String flow, List<String> order, Map<String, List<Long>> steps) {
        report.append("  ").append(flow).append(":\n");
        for (String step : order) {
            report.append(String.format(Locale.ROOT, "    %-40s %8.1f%n", step, ms(steps.get(step), 50)));
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one step; with {@code steps} given, records its nanoseconds under {@code name}. */
    private static <T> T timed(Map<String, List<Long>> steps, String name, Step<T> step) throws Exception {
        long start = System.nanoTime();
        T result = step.run();
        long elapsed = System.nanoTime() - start;
        if (steps != null) {
            synchronized (steps) {
                steps.computeIfAbsent(name, s -> new ArrayList<>()).add(elapsed);
            }
        }
        return result;
    }

    private static void expect(boolean condition, ResetJourney journey, String step, String username) {
        assertThat(condition).as("pack reset of %s after '%s': %s (%s)", username, step, journey.pageTitle(),
                journey.url()).isTrue();
    }

    private static int take(AtomicInteger next) {
        int n = next.getAndIncrement();
        if (n >= USERS) {
            throw new IllegalStateException("all " + USERS + " users of the realm were reset");
        }
        return n;
    }

    private String loginUrl(ManagedRealm realm) {
        return urls.getBase() + "/realms/" + realm.getName() + "/protocol/openid-connect/auth?client_id="
                + SsprResetRealm.CLIENT_ID + "&response_type=code&scope=openid&redirect_uri=" + SsprResetRealm.REDIRECT_URI;
    }

    static String user(int n) {
        return "bench-" + n;
    }

    /** German mobile numbers (0170), one per user: no destination budget is shared. */
    static String phone(int n) {
        return String.format(Locale.ROOT, "+4917012%06d", n);
    }

    static String alternateEmail(int n) {
        return "bench-" + n + ".home@pack.example.net";
    }

    static String builtInEmail(int n) {
        return "bench-" + n + "@builtin.example.org";
    }

    private record Batch(List<Long> nanos, long wallNanos) {
    }

    /** What batches of one flow at one concurrency add up to: how many per second, and each one's nanoseconds. */
    private static final class Tally {
        final List<Long> nanos = new ArrayList<>();
        long wallNanos;

        void add(Batch batch) {
            nanos.addAll(batch.nanos());
            wallNanos += batch.wallNanos();
        }

        double perSecond() {
            return nanos.size() / (wallNanos / 1e9);
        }
    }

    public static final class PackRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // The CAPTCHA stays at the policy's default difficulty: what production pays.
            return SsprResetRealm.configure(realm.name("sspr-bench-reset-pack"), SsprResetRealm.withoutLimits(Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "2")))
                    .users(IntStream.range(0, USERS).mapToObj(n -> UserBuilder.create(user(n))
                            .email("bench-" + n + "@pack.example.org").emailVerified(true).name("Bench", "User " + n)
                            .password(PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone(phone(n)))
                            .credential(SeededCredentials.alternateEmail(alternateEmail(n)))).toArray(UserBuilder[]::new));
        }
    }

    /**
     * Keycloak's own reset-credentials flow (email link), with events stored as in the pack realm.
     */
    public static final class BuiltInRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            List<UserBuilder> users = new ArrayList<>(IntStream.range(0, USERS).mapToObj(n -> UserBuilder.create(user(n))
                    .email(builtInEmail(n)).emailVerified(true).name("Bench", "User " + n)
                    .password(PASSWORD).enabled(true)).toList());
            for (int i = 0; i < LOGIN_CONCURRENCY; i++) {
                users.add(UserBuilder.create(CEILING_USER + "-" + i).email(CEILING_USER + "-" + i + "@builtin.example.org")
                        .emailVerified(true).name("Ceiling", "User " + i).password(PASSWORD).enabled(true));
            }
            return realm.name("sspr-bench-reset-builtin").resetPasswordAllowed(true).eventsEnabled(true)
                    // Without brute-force protection: four users signing in back to back at concurrency 4 are
                    // "temporarily disabled" by it (user_temporarily_disabled), which would end the ceiling run.
                    .bruteForceProtected(false)
                    .clients(testApp(), directGrantClient())
                    .users(users.toArray(UserBuilder[]::new));
        }

        /** The same test app as in the pack realm ({@link SsprResetRealm}). */
        private static ClientRepresentation testApp() {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(SsprResetRealm.CLIENT_ID);
            client.setPublicClient(true);
            client.setRedirectUris(List.of(SsprResetRealm.REDIRECT_URI));
            client.setStandardFlowEnabled(true);
            return client;
        }

        private static ClientRepresentation directGrantClient() {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(DIRECT_GRANT_CLIENT);
            client.setPublicClient(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(true);
            return client;
        }
    }
}
