package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The audit trail on PostgreSQL, the production database: Keycloak 26.7.3 with the JAR started against a real
 * PostgreSQL (Debian's packages, {@code scripts/postgres.sh}; failsafe execution {@code against-postgres}) applies
 * the {@code SSPR_AUDIT} changelog, writes rows and answers the aggregate queries.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AuditOnPostgresIT {

    static final String JDBC_URL = System.getProperty("kc.test.database.url");

    @InjectRealm(config = PostgresRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    org.keycloak.admin.client.Keycloak adminClient;

    @Test
    void theChangelogAppliesAndTheAuditWorksOnPostgres() throws Exception {
        // -Dit.test=... also selects this class in the H2 execution, where there is nothing to prove.
        Assumptions.assumeTrue(JDBC_URL != null && JDBC_URL.startsWith("jdbc:postgresql:"), "server on PostgreSQL");
        try (Connection db = DriverManager.getConnection(JDBC_URL, "keycloak", "keycloak")) {
            assertThat(db.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            // Keycloak keeps a custom provider's Liquibase history in its own table, DATABASECHANGELOG_<ID>.
            // The ID is cut to fit: databasechangelog_sspr_audit, databasechangelog_sspr_remi (sspr-reminders) and
            // databasechangelog_sspr_user_ (sspr-user-state).
            List<String> historyTables = strings(db, "select table_name from information_schema.tables"
                    + " where table_name like 'databasechangelog_sspr%' order by table_name");
            assertThat(historyTables).hasSize(3).startsWith("databasechangelog_sspr_audit")
                    .endsWith("databasechangelog_sspr_user_");
            assertThat(historyTables.get(1)).startsWith("databasechangelog_sspr_remi");
            assertThat(strings(db, "select id from " + historyTables.get(0) + " order by orderexecuted"))
                    .containsExactly("sspr-audit-1", "sspr-audit-2");
            assertThat(strings(db, "select id from " + historyTables.get(1) + " order by orderexecuted"))
                    .containsExactly("sspr-reminders-1");
            assertThat(strings(db, "select id from " + historyTables.get(2) + " order by orderexecuted"))
                    .containsExactly("sspr-user-state-1");
            assertThat(strings(db, "select indexname from pg_indexes where tablename = 'sspr_reminder'"
                    + " order by indexname")).containsExactly("idx_sspr_reminder_realm_sent", "pk_sspr_reminder");
            assertThat(strings(db, "select indexname from pg_indexes where tablename in ('sspr_user_state',"
                    + " 'sspr_vetted_credential') order by indexname")).containsExactly(
                    "idx_sspr_user_state_realm", "idx_sspr_vetted_credential_realm",
                    "idx_sspr_vetted_credential_user", "pk_sspr_user_state", "pk_sspr_vetted_credential");
            assertThat(strings(db, "select indexname from pg_indexes where tablename = 'sspr_audit' order by indexname"))
                    .containsExactly("idx_sspr_audit_realm_time", "idx_sspr_audit_realm_user", "idx_sspr_audit_time",
                            "pk_sspr_audit");

            // An audited step (an unknown account) lands in the PostgreSQL table...
            new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount("nobody-on-postgres");
            try (PreparedStatement rows = db.prepareStatement(
                    "select activity, outcome, reason, username from sspr_audit where realm_id = ?")) {
                rows.setString(1, realm.getId());
                try (ResultSet result = rows.executeQuery()) {
                    assertThat(result.next()).as("an audit row").isTrue();
                    assertThat(result.getString("activity")).isEqualTo("blocked_from_sspr");
                    assertThat(result.getString("outcome")).isEqualTo("failure");
                    assertThat(result.getString("reason")).isEqualTo("user_not_found");
                    assertThat(result.getString("username")).isEqualTo("nobody-on-postgres");
                    assertThat(result.next()).isFalse();
                }
            }
        }

        // ...and the aggregate queries behind the REST API run on it.
        JsonNode insights = get("insights");
        assertThat(insights.at("/topFailureReasons").toString()).isEqualTo("[{\"reason\":\"user_not_found\",\"count\":1}]");
        assertThat(insights.at("/activities/blocked_from_sspr/failure").asLong()).isEqualTo(1);
        assertThat(get("audit?activity=blocked_from_sspr")).hasSize(1);
    }

    @Test
    void finishedDaysAreRolledUpAndReportedFromTheDailyCounts() throws Exception {
        Assumptions.assumeTrue(JDBC_URL != null && JDBC_URL.startsWith("jdbc:postgresql:"), "server on PostgreSQL");
        long day = 86_400_000L;
        long twoDaysAgo = (System.currentTimeMillis() / day - 2) * day + 3_600_000L;
        try (Connection db = DriverManager.getConnection(JDBC_URL, "keycloak", "keycloak")) {
            // Three resets two days ago, as an older node would have written them; then forget the roll-up mark so
            // that the next upkeep run (every minute on the test server) counts those days.
            for (int i = 0; i < 3; i++) {
                try (PreparedStatement insert = db.prepareStatement("insert into sspr_audit (id, realm_id, event_time,"
                        + " activity, step, method, outcome) values (?, ?, ?, 'reset', 'new-password', 'sspr-sms', 'success')")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, realm.getId());
                    insert.setLong(3, twoDaysAgo + i);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement forget = db.prepareStatement("delete from sspr_audit_rollup_mark")) {
                forget.executeUpdate();
            }
            long deadline = System.currentTimeMillis() + 120_000;
            List<String> rolled = List.of();
            while (rolled.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(2_000);
                rolled = strings(db, "select entry_count from sspr_audit_daily where realm_id = '" + realm.getId()
                        + "' and activity = 'reset'");
            }
            assertThat(rolled).containsExactly("3");
            // The raw rows are gone from the report's path: only the daily count can produce the figure now.
            try (PreparedStatement delete = db.prepareStatement(
                    "delete from sspr_audit where realm_id = ? and activity = 'reset'")) {
                delete.setString(1, realm.getId());
                delete.executeUpdate();
            }
        }
        JsonNode insights = get("insights?from=" + (twoDaysAgo - 3_600_000L - day));
        String dayName = LocalDate.ofEpochDay(twoDaysAgo / day).toString();
        assertThat(insights.at("/resetsPerDay").toString())
                .isEqualTo("[{\"day\":\"" + dayName + "\",\"success\":3,\"failure\":0}]");
    }

    private JsonNode get(String path) throws Exception {
        return new SsprAdminApi(urls.getBase(), realm.getName(), adminClient).get(path);
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    public static final class PostgresRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-postgres"), Map.of("sspr.captcha.difficulty", "1000"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")));
        }
    }
}
