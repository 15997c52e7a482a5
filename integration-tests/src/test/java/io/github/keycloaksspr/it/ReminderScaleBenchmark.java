package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.Timings.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.github.keycloaksspr.it.support.ReminderRuns;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.Timings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.postgresql.PGConnection;

/**
 * The password-expiry reminders' daily run over 100 000 users on PostgreSQL: passwords set over the last 900 days in
 * a realm whose passwords live 90 days, so that about 1.5 % are within the 14 days ahead. The first run claims and
 * queues their reminders (the realm has no mail server: sending fails fast and is only logged); the next runs find
 * every threshold done and are the daily scan itself. Prints both. Run with
 * {@code mvn verify -pl integration-tests -Pbenchmark -Dit.test=ReminderScaleBenchmark}.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ReminderScaleBenchmark {

    static final int USERS = Integer.getInteger("sspr.bench.reminderUsers", 100_000);
    static final String JDBC_URL = System.getProperty("kc.test.database.url");
    static final long DAY = 86_400_000L;

    @InjectRealm(config = ScaleRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDailyRunOverAHundredThousandUsers() throws Exception {
        Assumptions.assumeTrue(JDBC_URL != null && JDBC_URL.startsWith("jdbc:postgresql:"), "server on PostgreSQL");
        int due;
        try (Connection db = DriverManager.getConnection(JDBC_URL, "keycloak", "keycloak")) {
            due = load(db);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE user_entity");
                analyze.execute("ANALYZE credential");
            }
        }
        long start = System.nanoTime();
        int first = run();
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(first).as("the users in the 14 days ahead").isEqualTo(due);
        assertThat(run()).as("nothing twice").isZero();

        List<Long> scans = Timings.timeRequests(http, this::request, 1, 5);
        System.out.printf(Locale.ROOT, "%nPassword-expiry reminders (PostgreSQL, %,d users with passwords in one realm,"
                        + " %,d due):%n"
                        + "  first run, claiming and queueing %,d reminders (REST round trip): %.1f s%n"
                        + "  daily scan with every threshold done (REST round trip): median %.0f ms, p95 %.0f ms%n",
                USERS, due, due, firstSeconds, ms(scans, 50), ms(scans, 95));
    }

    /** COPY straight into Keycloak's tables; returns how many passwords expire within 14 days. */
    private int load(Connection db) throws Exception {
        Random random = new Random(11);
        long now = System.currentTimeMillis();
        StringBuilder users = new StringBuilder();
        StringBuilder credentials = new StringBuilder();
        int due = 0;
        for (int i = 0; i < USERS; i++) {
            String id = UUID.randomUUID().toString();
            String name = String.format(Locale.ROOT, "user-%06d", i);
            users.append(id).append(',').append(name).append("@scale.example,").append(name)
                    .append("@scale.example,true,true,").append(realm.getId()).append(',').append(name).append(',')
                    .append(now).append(",0\n");
            // Set up to 900 days ago; a minute away from the window's edges, so that the count is exact.
            long setAt = now - 60_000L - (long) (random.nextDouble() * (900 * DAY - 120_000L));
            long expiry = setAt + 90 * DAY;
            due += expiry > now + 60_000L && expiry <= now + 14 * DAY - 60_000L ? 1 : 0;
            credentials.append(UUID.randomUUID()).append(",password,").append(id).append(',').append(setAt)
                    .append(",\"{}\",\"{}\",10,0\n");
        }
        PGConnection copy = db.unwrap(PGConnection.class);
        copy.getCopyAPI().copyIn("COPY user_entity (id, email, email_constraint, email_verified, enabled, realm_id,"
                + " username, created_timestamp, not_before) FROM STDIN WITH (FORMAT csv)",
                new StringReader(users.toString()));
        copy.getCopyAPI().copyIn("COPY credential (id, type, user_id, created_date, secret_data, credential_data,"
                + " priority, version) FROM STDIN WITH (FORMAT csv)", new StringReader(credentials.toString()));
        return due;
    }

    private int run() throws Exception {
        return ReminderRuns.run(urls.getBase(), realm.getName(), adminClient.tokenManager().getAccessTokenString());
    }

    private HttpRequest request() {
        return ReminderRuns.request(urls.getBase(), realm.getName(), adminClient.tokenManager().getAccessTokenString());
    }

    public static final class ScaleRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-reminder-scale"), Map.of("sspr.methods", "sspr-email",
                            "sspr.methods.required", "1"))
                    .update(rep -> rep.setPasswordPolicy("forceExpiredPasswordChange(90)"));
        }
    }
}
