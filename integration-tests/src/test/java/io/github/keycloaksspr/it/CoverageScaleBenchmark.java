package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.Timings.ms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
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
import org.keycloak.representations.idm.GroupRepresentation;
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
 * Registration coverage and the policy impact preview at scale on PostgreSQL: 100 000 users in one realm with the
 * mix of registrations a rollout has (two methods, one, none; authenticator apps vetted or not; confirmations old
 * and new; ten groups, twenty administrators), then the preview of 1 → 2 required methods (JSON and the full CSV),
 * a scope change, and the insights report through the REST API. Prints median and p95. Run with
 * {@code mvn verify -pl integration-tests -Pbenchmark -Dit.test=CoverageScaleBenchmark}.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class CoverageScaleBenchmark {

    static final int USERS = Integer.getInteger("sspr.bench.coverageUsers", 100_000);
    static final int GROUPS = 10;
    static final int ADMINS = 20;
    static final String JDBC_URL = System.getProperty("kc.test.database.url");
    static final String METHODS = "sspr-email##sspr-sms##sspr-voice##sspr-totp##sspr-questions";

    @InjectRealm(config = ScaleRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void impactPreviewAndCoverageOnAHundredThousandUsers() throws Exception {
        Assumptions.assumeTrue(JDBC_URL != null && JDBC_URL.startsWith("jdbc:postgresql:"), "server on PostgreSQL");
        try (Connection db = DriverManager.getConnection(JDBC_URL, "keycloak", "keycloak")) {
            long loadStart = System.nanoTime();
            Expected expected = load(db);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE user_entity");
                analyze.execute("ANALYZE credential");
                analyze.execute("ANALYZE user_attribute");
                analyze.execute("ANALYZE user_group_membership");
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            // Time to look at the loaded database by hand (EXPLAIN ANALYZE) before the measurements.
            Thread.sleep(Long.getLong("sspr.bench.holdSeconds", 0) * 1000);

            String first = get("impact?required=2", "application/json");
            assertThat(first).contains("\"losingSspr\":" + expected.losing);
            String csv = get("impact?required=2", "text/csv");
            assertThat(csv.split("\r\n")).hasSize(expected.losing + 1);

            List<Long> preview = time("impact?required=2", "application/json", 3, 20);
            List<Long> previewCsv = time("impact?required=2", "text/csv", 2, 10);
            List<Long> scope = time("impact?scope=GROUP&group=%2Fgroup-3", "application/json", 3, 20);
            List<Long> insights = time("insights", "application/json", 3, 20);
            System.out.printf(Locale.ROOT, "%nCoverage at scale (PostgreSQL, %,d users in one realm, loaded in %.0f s;"
                            + " %,d capable today, %,d lose reset at 2 required):%n"
                            + "  impact preview 1 -> 2 required, JSON with first 100 (REST round trip): median %.1f ms, p95 %.1f ms%n"
                            + "  impact preview 1 -> 2 required, CSV of all %,d (REST round trip):      median %.1f ms, p95 %.1f ms%n"
                            + "  impact preview ALL -> one group of ten, JSON (REST round trip):       median %.1f ms, p95 %.1f ms%n"
                            + "  insights with registration coverage (REST round trip):               median %.1f ms, p95 %.1f ms%n",
                    USERS, loadSeconds, expected.capable, expected.losing, ms(preview, 50), ms(preview, 95),
                    expected.losing, ms(previewCsv, 50), ms(previewCsv, 95), ms(scope, 50), ms(scope, 95),
                    ms(insights, 50), ms(insights, 95));
        }
    }

    /** What the load holds, counted as it is written, so that the first answers can be checked. */
    private static final class Expected {
        int capable;
        int losing;
    }

    /**
     * COPY straight into Keycloak's tables (users, credentials, memberships) and the pack's user state is how 100 000 users arrive
     * in seconds; the server's caches hold none of them, as after a directory import.
     */
    private Expected load(Connection db) throws Exception {
        String realmId = realm.getId();
        List<String> groupIds = new ArrayList<>();
        try (Statement query = db.createStatement();
             ResultSet groups = query.executeQuery("SELECT id, name FROM keycloak_group WHERE realm_id = '" + realmId
                     + "' ORDER BY name")) {
            while (groups.next()) {
                groupIds.add(groups.getString(1));
            }
        }
        assertThat(groupIds).hasSize(GROUPS + 1);
        String adminGroup = groupIds.get(0);
        Random random = new Random(7);
        long now = System.currentTimeMillis();
        long firstSeen = now - 30 * 86_400_000L;
        StringBuilder users = new StringBuilder();
        StringBuilder credentials = new StringBuilder();
        StringBuilder states = new StringBuilder();
        StringBuilder members = new StringBuilder();
        Expected expected = new Expected();
        for (int i = 0; i < USERS; i++) {
            String id = UUID.randomUUID().toString();
            String name = String.format(Locale.ROOT, "user-%06d", i);
            users.append(id).append(',').append(name).append("@scale.example,").append(name)
                    .append("@scale.example,true,true,").append(realmId).append(',').append(name).append(',')
                    .append(now).append(",0\n");
            boolean admin = i < ADMINS;
            members.append(admin ? adminGroup : groupIds.get(1 + i % GROUPS)).append(',').append(id)
                    .append(",UNMANAGED\n");
            int kind = random.nextInt(100);
            int factors;
            Long vettedUntil = null;
            Long confirmedAt = null;
            if (kind < 40) {
                credential(credentials, id, "sspr-mobile-phone", now);
                credential(credentials, id, "sspr-alternate-email", now);
                factors = 2;
            } else if (kind < 65) {
                credential(credentials, id, "sspr-mobile-phone", now);
                factors = 1;
            } else if (kind < 75) {
                credential(credentials, id, "sspr-security-questions", now);
                factors = admin ? 0 : 1;
            } else if (kind < 80) {
                credential(credentials, id, "otp", firstSeen - 86_400_000L);
                vettedUntil = firstSeen;
                factors = 1;
            } else if (kind < 85) {
                // An app set up after the pack first saw the user, unvetted: it counts for nothing.
                credential(credentials, id, "sspr-mobile-phone", now);
                credential(credentials, id, "otp", now);
                vettedUntil = firstSeen;
                factors = 1;
            } else {
                factors = 0;
            }
            if (random.nextInt(100) < 30) {
                confirmedAt = now / 1000 - random.nextInt(400) * 86_400L;
            }
            if (vettedUntil != null || confirmedAt != null) {
                states.append(id).append(',').append(realmId).append(',')
                        .append(vettedUntil == null ? "" : vettedUntil).append(',')
                        .append(confirmedAt == null ? "" : confirmedAt).append('\n');
            }
            boolean capable = admin ? factors >= 2 : factors >= 1;
            expected.capable += capable ? 1 : 0;
            expected.losing += capable && factors < 2 ? 1 : 0;
        }
        PGConnection copy = db.unwrap(PGConnection.class);
        copy.getCopyAPI().copyIn("COPY user_entity (id, email, email_constraint, email_verified, enabled, realm_id,"
                + " username, created_timestamp, not_before) FROM STDIN WITH (FORMAT csv)",
                new StringReader(users.toString()));
        copy.getCopyAPI().copyIn("COPY credential (id, type, user_id, created_date, secret_data, credential_data,"
                + " priority, version) FROM STDIN WITH (FORMAT csv)", new StringReader(credentials.toString()));
        copy.getCopyAPI().copyIn("COPY sspr_user_state (user_id, realm_id, vetted_until, confirmed_at) FROM STDIN"
                + " WITH (FORMAT csv)", new StringReader(states.toString()));
        copy.getCopyAPI().copyIn("COPY user_group_membership (group_id, user_id, membership_type) FROM STDIN"
                + " WITH (FORMAT csv)", new StringReader(members.toString()));
        return expected;
    }

    private static void credential(StringBuilder rows, String userId, String type, long created) {
        rows.append(UUID.randomUUID()).append(',').append(type).append(',').append(userId).append(',').append(created)
                .append(",\"{}\",\"{}\",10,0\n");
    }

    private String get(String path, String mediaType) throws Exception {
        HttpResponse<String> response = http.send(request(path, mediaType), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private List<Long> time(String path, String mediaType, int warmUp, int runs) throws Exception {
        return Timings.timeRequests(http, () -> request(path, mediaType), warmUp, runs);
    }

    private HttpRequest request(String path, String mediaType) {
        return HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + realm.getName() + "/sspr/" + path))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .header("Accept", mediaType).GET().build();
    }

    public static final class ScaleRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-coverage-scale"), Map.of(
                            "sspr.methods", METHODS,
                            "sspr.methods.required", "1",
                            "sspr.admin.group", "/a-admins"))
                    .update(rep -> {
                        List<GroupRepresentation> groups = new ArrayList<>();
                        groups.add(group("a-admins"));
                        for (int g = 0; g < GROUPS; g++) {
                            groups.add(group("group-" + g));
                        }
                        rep.setGroups(groups);
                    });
        }

        private static GroupRepresentation group(String name) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            return group;
        }
    }
}
