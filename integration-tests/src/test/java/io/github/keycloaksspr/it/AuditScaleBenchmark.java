package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.Timings.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

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
 * The audit trail at scale on PostgreSQL: 1 000 000 rows over 90 days in one realm, then the insights report (30 and
 * 90 days) and an audit page through the REST API, and single-row inserts of the statement an audit write issues.
 * Prints median and p95. Run with {@code mvn verify -pl integration-tests -Pbenchmark
 * -Dit.test=AuditScaleBenchmark} (the benchmark profile runs the server on PostgreSQL).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AuditScaleBenchmark {

    static final int ROWS = Integer.getInteger("sspr.bench.auditRows", 1_000_000);
    static final String JDBC_URL = System.getProperty("kc.test.database.url");
    static final long DAY = 86_400_000L;
    static final String[] METHODS = {"sspr-sms", "sspr-email", "sspr-voice", "sspr-totp", "sspr-questions", "sspr-passkey"};
    static final String[] REASONS = {"wrong_code", "code_expired", "too_many_wrong_codes", "delivery_failed",
            "destination_limit_reached", "wrong_answers"};
    static final String[] BLOCKED = {"user_not_found", "not_registered", "out_of_scope", "user_disabled"};

    @InjectRealm(config = ScaleRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    private final HttpClient http = HttpClient.newHttpClient();

    private List<Long> timeGets(String path, int warmUp, int runs) throws Exception {
        return Timings.timeRequests(http, () -> HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/"
                        + realm.getName() + "/sspr/" + path))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString()).GET().build(),
                warmUp, runs);
    }

    @Test
    void insightsAndAuditWritesOnAMillionRows() throws Exception {
        Assumptions.assumeTrue(JDBC_URL != null && JDBC_URL.startsWith("jdbc:postgresql:"), "server on PostgreSQL");
        long now = System.currentTimeMillis();
        try (Connection db = DriverManager.getConnection(JDBC_URL, "keycloak", "keycloak")) {
            long loadStart = System.nanoTime();
            load(db, now);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE sspr_audit");
                // The rows arrived after their days were marked as counted: let the upkeep task count them.
                analyze.execute("DELETE FROM sspr_audit_rollup_mark");
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long rollupStart = System.nanoTime();
            awaitRollup(db);
            double rollupSeconds = (System.nanoTime() - rollupStart) / 1e9;

            List<Long> insights30 = timeGets("insights", 5, 30);
            List<Long> insights90 = timeGets("insights?from=" + (now - 90 * DAY), 5, 30);
            List<Long> auditPage = timeGets("audit?max=100", 5, 30);
            List<Long> writes = timeInserts(db, 100, 1000);
            System.out.printf(Locale.ROOT, "%nAudit at scale (PostgreSQL, %,d rows in one realm over 90 days, loaded in %.0f s, rolled up within %.0f s):%n"
                            + "  insights, last 30 days (REST round trip): median %.1f ms, p95 %.1f ms%n"
                            + "  insights, last 90 days (REST round trip): median %.1f ms, p95 %.1f ms%n"
                            + "  audit page of 100 rows (REST round trip): median %.1f ms, p95 %.1f ms%n"
                            + "  one audit row insert (JDBC, autocommit):  median %.3f ms, p95 %.3f ms%n",
                    ROWS, loadSeconds, rollupSeconds, ms(insights30, 50), ms(insights30, 95), ms(insights90, 50), ms(insights90, 95),
                    ms(auditPage, 50), ms(auditPage, 95), ms(writes, 50), ms(writes, 95));
        }
    }

    private void awaitRollup(Connection db) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            try (Statement query = db.createStatement();
                 ResultSet mark = query.executeQuery("SELECT count(*) FROM sspr_audit_rollup_mark")) {
                mark.next();
                if (mark.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the upkeep task did not roll up within 5 minutes");
    }

    /** COPY is how a million rows arrive in seconds; the rows look like months of real use. */
    private void load(Connection db, long now) throws Exception {
        String realmId = realm.getId();
        Random random = new Random(42);
        int batch = 100_000;
        for (int done = 0; done < ROWS; done += batch) {
            StringBuilder csv = new StringBuilder();
            for (int i = 0; i < Math.min(batch, ROWS - done); i++) {
                long time = now - (long) (random.nextDouble() * 90 * DAY);
                int kind = random.nextInt(100);
                String user = "user-" + random.nextInt(20_000);
                String activity;
                String step = "";
                String method = "";
                String outcome = "success";
                String reason = "";
                if (kind < 50) {
                    activity = "flow_progress";
                    step = "verify-identity";
                    method = METHODS[random.nextInt(METHODS.length)];
                    if (random.nextInt(5) == 0) {
                        outcome = "failure";
                        reason = REASONS[random.nextInt(REASONS.length)];
                    } else {
                        reason = "method_verified";
                    }
                } else if (kind < 65) {
                    activity = "reset";
                    step = "new-password";
                    method = "sspr-sms+sspr-email";
                } else if (kind < 70) {
                    activity = "unlock";
                } else if (kind < 80) {
                    activity = "blocked_from_sspr";
                    step = "choose-account";
                    outcome = "failure";
                    reason = BLOCKED[random.nextInt(BLOCKED.length)];
                } else if (kind < 95) {
                    activity = "registered";
                    step = "confirmed";
                } else {
                    activity = "security_info_changed";
                    step = "added";
                    method = "sspr-mobile-phone";
                }
                csv.append(UUID.randomUUID()).append(',').append(realmId).append(',').append(time).append(',')
                        .append(user).append(',').append(user).append(',').append(activity).append(',').append(step)
                        .append(',').append(method).append(',').append(outcome).append(',').append(reason)
                        .append(",198.51.100.").append(random.nextInt(250)).append('\n');
            }
            db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY sspr_audit (id, realm_id, event_time, user_id,"
                    + " username, activity, step, method, outcome, reason, client_ip) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        }
    }

    /** The INSERT Hibernate issues for one audit row, into the full table with its indexes. */
    private List<Long> timeInserts(Connection db, int warmUp, int runs) throws Exception {
        String realmId = realm.getId();
        List<Long> times = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("insert into sspr_audit (activity, client_ip, method,"
                + " outcome, realm_id, reason, step, event_time, user_id, username, id) values (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < warmUp + runs; i++) {
                insert.setString(1, "flow_progress");
                insert.setString(2, "203.0.113.7");
                insert.setString(3, "sspr-sms");
                insert.setString(4, "success");
                insert.setString(5, realmId);
                insert.setString(6, "method_verified");
                insert.setString(7, "verify-identity");
                insert.setLong(8, System.currentTimeMillis());
                insert.setString(9, "user-bench");
                insert.setString(10, "user-bench");
                insert.setString(11, UUID.randomUUID().toString());
                long start = System.nanoTime();
                insert.executeUpdate();
                long elapsed = System.nanoTime() - start;
                if (i >= warmUp) {
                    times.add(elapsed);
                }
            }
        }
        return times;
    }

    public static final class ScaleRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-audit-scale"), Map.of());
        }
    }
}
