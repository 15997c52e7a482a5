package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AltchaSolver;
import io.github.keycloaksspr.it.support.ClientAddresses;
import io.github.keycloaksspr.it.support.ProxiedServerConfig;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * What response times tell an observer who types names into "Forgot password?": per-step median and p90 of a
 * registered user, a name nobody has and an existing user without security info (the last two walk a stand-in account
 * made up from the name), over the steps such an observer can drive without a code: choose account (the POST with the
 * CAPTCHA solved beforehand), select SMS (the request that sends the code), a wrong code, back to the method list.
 * Samples are interleaved (registered, unknown, unregistered, registered, ...) so that drift hits all three alike, each
 * with a name of its own from a client address of its own ({@link ProxiedServerConfig}): no account's attempt ledger,
 * no send budget and no address's ledger (100 wrong answers at most, from 127.0.0.1 alone reached after 33 rounds)
 * ever bites, and every sample is a first try. Each step is posted right after the page before, as a script would: a
 * registered account's SMS leaving on Keycloak's executor meanwhile is part of what an observer sees.
 * <p>
 * Prints per step the three medians and p90s and the differences of the medians. A measurement, not a test: it fails
 * only if a page is not the one expected or a registered user's SMS does not arrive. Run with
 * {@code mvn verify -pl integration-tests -Pbenchmark -Dit.test=DecoyTimingBenchmark} (after
 * {@code mvn install -DskipTests}).
 */
@KeycloakIntegrationTest(config = ProxiedServerConfig.class)
class DecoyTimingBenchmark {

    static final String PASSWORD = "Current-Passw0rd!";
    static final int SAMPLES = Integer.getInteger("sspr.bench.decoySamples", 40);
    static final int WARM_UP = Integer.getInteger("sspr.bench.decoyWarmUp", 5);
    /** Names per kind: one per round, warm-up included. */
    static final int NAMES = WARM_UP + SAMPLES;
    /** Wrong for a registered user but once in a million codes; a made-up account's code is never shown anyway. */
    static final String WRONG_CODE = "000000";
    static final List<String> STEPS = List.of("choose account", "select sms", "wrong code", "back to the list");

    enum Kind {
        REGISTERED("registered", "reg-"),
        UNKNOWN("unknown", "nobody-"),
        UNREGISTERED("unregistered", "unreg-");

        final String label;
        final String prefix;

        Kind(String label, String prefix) {
            this.label = label;
            this.prefix = prefix;
        }
    }

    @InjectRealm(config = DecoyTimingRealm.class)
    ManagedRealm realm;

    /** The Twilio stand-in (a registered user's SMS must leave as in production) and the test app's redirect URI. */
    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void registeredUnknownAndUnregisteredNamesStepByStep() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            Map<Kind, List<long[]>> samples = new EnumMap<>(Kind.class);
            for (int round = 0; round < NAMES; round++) {
                for (Kind kind : Kind.values()) {
                    long[] nanos = sample(kind.prefix + round);
                    if (round >= WARM_UP) {
                        samples.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
                    }
                }
            }
            // Registered names were really registered (else three decoys would be compared): each got its SMS.
            List<RecordedTwilioRequest> texts = twilio.twilio().awaitRequests(NAMES, Duration.ofSeconds(15));
            assertThat(texts).as("one SMS per registered name, to registered numbers only").hasSize(NAMES)
                    .allSatisfy(text -> assertThat(text.to()).startsWith("+4917013"));
            print(samples);
        }
    }

    /** One observer's walk of one name in a fresh browser; returns the nanoseconds of each of {@link #STEPS}. */
    private long[] sample(String name) throws Exception {
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName(), ClientAddresses.next()).start();
        // Solved before the clock starts: the proof of work is the client's, not the server's.
        String solution = AltchaSolver.solve(AltchaSolver.challengeOf(journey.html()));
        long[] nanos = new long[STEPS.size()];

        long start = System.nanoTime();
        journey.submit(Map.of("username", name, ResetJourney.CAPTCHA_FIELD, solution));
        nanos[0] = System.nanoTime() - start;
        expect(journey.html().contains("id=\"sspr-method-sspr-sms\""), journey, name, 0);

        start = System.nanoTime();
        journey.selectMethod("sspr-sms");
        nanos[1] = System.nanoTime() - start;
        expect(journey.fieldNames().contains("code") && !journey.html().contains("Too many codes"), journey, name, 1);

        start = System.nanoTime();
        journey.enterCode(WRONG_CODE);
        nanos[2] = System.nanoTime() - start;
        expect(journey.html().contains("That code is not right"), journey, name, 2);

        start = System.nanoTime();
        journey.chooseOtherMethod();
        nanos[3] = System.nanoTime() - start;
        expect(journey.html().contains("id=\"sspr-method-sspr-email\""), journey, name, 3);
        return nanos;
    }

    private static void expect(boolean condition, ResetJourney journey, String name, int step) {
        assertThat(condition).as("%s after '%s': %s (%s)", name, STEPS.get(step), journey.pageTitle(), journey.url())
                .isTrue();
    }

    private static void print(Map<Kind, List<long[]>> samples) {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nDecoy timing: %d samples per kind after %d warm-up rounds, interleaved registered/unknown/unregistered,"
                        + " a fresh name and client address each (ms):%n"
                        + "  %-17s %21s %21s %21s %12s %12s%n",
                SAMPLES, WARM_UP, "step", "registered med / p90", "unknown med / p90", "unregistered med / p90",
                "reg-unknown", "reg-unreg"));
        for (int step = 0; step < STEPS.size(); step++) {
            double registered = ms(samples.get(Kind.REGISTERED), step, 50);
            double unknown = ms(samples.get(Kind.UNKNOWN), step, 50);
            double unregistered = ms(samples.get(Kind.UNREGISTERED), step, 50);
            report.append(String.format(Locale.ROOT, "  %-17s %11.1f / %7.1f %11.1f / %7.1f %11.1f / %7.1f %+12.1f %+12.1f%n",
                    STEPS.get(step), registered, ms(samples.get(Kind.REGISTERED), step, 90),
                    unknown, ms(samples.get(Kind.UNKNOWN), step, 90),
                    unregistered, ms(samples.get(Kind.UNREGISTERED), step, 90),
                    registered - unknown, registered - unregistered));
        }
        System.out.println(report);
    }

    /** The percentile of one step's nanoseconds over the samples, in milliseconds. */
    private static double ms(List<long[]> samples, int step, int percentile) {
        List<Long> sorted = new ArrayList<>(samples.stream().map(nanos -> nanos[step]).toList());
        Collections.sort(sorted);
        int index = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        return sorted.get(index) / 1_000_000.0;
    }

    public static final class DecoyTimingRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Two methods required: every stand-in has both, like every registered user here.
            return SsprResetRealm.configure(realm.name("sspr-bench-decoy-timing"), SsprResetRealm.withoutLimits(Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "2")))
                    .users(Stream.concat(
                            IntStream.range(0, NAMES).mapToObj(n -> person(Kind.REGISTERED.prefix + n)
                                    .credential(SeededCredentials.mobilePhone(String.format(Locale.ROOT, "+4917013%06d", n)))
                                    .credential(SeededCredentials.alternateEmail(Kind.REGISTERED.prefix + n + ".home@example.net"))),
                            IntStream.range(0, NAMES).mapToObj(n -> person(Kind.UNREGISTERED.prefix + n)))
                            .toArray(UserBuilder[]::new));
        }

        private static UserBuilder person(String name) {
            return UserBuilder.create(name).email(name + "@example.org").emailVerified(true)
                    .name(name, "Example").password(PASSWORD).enabled(true);
        }
    }
}
