package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.Timings.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
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
 * What the registration trigger adds to every sign-in: full browser sign-ins (login page, password, redirect with a
 * code) of a registered, confirmed user with {@code sspr-register-security-info} disabled and enabled, in alternating
 * blocks so that drift (JIT, caches, the machine's other load) hits both alike. Prints median and p95 per mode.
 * A measurement, not a test: it fails only if a sign-in fails. Run with
 * {@code mvn verify -pl integration-tests -Pbenchmark} (after {@code mvn install -DskipTests}).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class LoginCostBenchmark {

    static final String USER = "bench";
    static final String PASSWORD = "Current-Passw0rd!";
    static final int WARM_UP = Integer.getInteger("sspr.bench.warmUp", 100);
    static final int BLOCK = Integer.getInteger("sspr.bench.block", 50);
    static final int BLOCKS = Integer.getInteger("sspr.bench.blocks", 8);

    @InjectRealm(config = BenchmarkRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** The test app's redirect URI lives here: each sign-in ends on a page, not on a connection error. */
    @InjectHttpServer
    HttpServer httpServer;

    @Test
    void signInWithAndWithoutTheRegistrationTrigger() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        for (int i = 0; i < WARM_UP; i++) {
            setEnabled(i % 2 == 0);
            signIn();
        }
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        for (int block = 0; block < BLOCKS; block++) {
            boolean enabled = block % 2 == 1;
            setEnabled(enabled);
            for (int i = 0; i < BLOCK; i++) {
                (enabled ? with : without).add(signIn());
            }
        }
        String report = String.format(Locale.ROOT,
                "%nLogin cost (%d sign-ins per mode, full browser round trip incl. password hashing):%n"
                        + "  without sspr-register-security-info: median %.2f ms, p95 %.2f ms%n"
                        + "  with    sspr-register-security-info: median %.2f ms, p95 %.2f ms%n"
                        + "  difference of medians: %+.2f ms%n",
                with.size(), ms(without, 50), ms(without, 95), ms(with, 50), ms(with, 95),
                ms(with, 50) - ms(without, 50));
        System.out.println(report);
    }

    /** One sign-in; returns its wall-clock nanoseconds. */
    private long signIn() throws Exception {
        long start = System.nanoTime();
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), USER, PASSWORD);
        long elapsed = System.nanoTime() - start;
        assertThat(TestAppLogin.signedIn(browser)).as("sign-in not interrupted: " + browser.url()).isTrue();
        return elapsed;
    }

    private void setEnabled(boolean enabled) {
        RequiredActionProviderRepresentation action = realm.admin().flows().getRequiredAction(RegistrationAdmin.ACTION);
        if (action.isEnabled() != enabled) {
            action.setEnabled(enabled);
            realm.admin().flows().updateRequiredAction(RegistrationAdmin.ACTION, action);
        }
    }

    public static final class BenchmarkRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-benchmark"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-totp##sspr-questions",
                            "sspr.methods.required", "2"))
                    .users(UserBuilder.create(USER).email("bench@example.org").emailVerified(true)
                            .name("Bench", "Mark").password(PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone("+4917000000091"))
                            .credential(SeededCredentials.alternateEmail("bench.home@example.net"))
                            .attribute("sspr.confirmedAt", Long.toString(Instant.now().getEpochSecond())));
        }
    }
}
