package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The audit trail's upkeep on the real server: a notification that cannot be sent (the realm's SMTP server is down)
 * does not break the reset and is recorded; policy changes are audited with the admin; reading the audit trail is an
 * admin event; rows older than the retention period are purged by the scheduled task.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AuditUpkeepIT {

    static final String REALM = "sspr-audit-upkeep";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String PAUL = "paul";
    static final String PETRA = "petra";

    @InjectRealm(config = UpkeepRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void aResetWhoseNoticeCannotBeMailedStillSucceedsAndTheFailureIsRecorded() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(PAUL).selectMethod("sspr-sms");
            journey.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body()));
            journey.setNewPassword("Brand-new-Passw0rd!");
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        JsonNode rows = awaitRows("audit?user=" + PAUL + "&max=1000", r -> r.toString().contains("mail_failed"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.path("activity").asText()).isEqualTo("reset");
            assertThat(row.path("outcome").asText()).isEqualTo("success");
        });
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.path("step").asText()).isEqualTo("notification");
            assertThat(row.path("reason").asText()).isEqualTo("mail_failed");
        });
    }

    @Test
    void policyChangesAreAuditedWithTheAdminAndAuditReadsAreAdminEvents() throws Exception {
        String configId = realm.admin().flows().getExecutions(SsprResetRealm.FLOW_ALIAS).stream()
                .filter(e -> "sspr-verify-identity".equals(e.getProviderId())).findFirst().orElseThrow()
                .getAuthenticationConfig();
        AuthenticatorConfigRepresentation policy = realm.admin().flows().getAuthenticatorConfig(configId);
        Map<String, String> changed = new HashMap<>(policy.getConfig());
        changed.put("sspr.code.length", "8");
        policy.setConfig(changed);
        realm.admin().flows().updateAuthenticatorConfig(policy.getId(), policy);

        JsonNode changes = get("audit?activity=policy_change");
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).path("method").asText()).isEqualTo("reset-policy");
        assertThat(changes.get(0).path("step").asText()).isEqualTo("update");
        // The test framework's admin client signs in as its bootstrap service account.
        assertThat(changes.get(0).path("username").asText()).isEqualTo("service-account-temp-admin");
        assertThat(changes.get(0).path("userId").asText()).isNotBlank();

        List<AdminEventRepresentation> adminEvents = realm.admin().getAdminEvents();
        assertThat(adminEvents).anySatisfy(e -> {
            assertThat(e.getOperationType()).isEqualTo("ACTION");
            assertThat(e.getResourcePath()).contains("sspr/audit");
        });
    }

    /** The help desk may remove a method without any proof; the audit trail names who did. */
    @Test
    void anAdministratorRemovingAUsersMethodIsAudited() throws Exception {
        String userId = realm.admin().users().searchByUsername(PETRA, true).get(0).getId();
        String phoneId = realm.admin().users().get(userId).credentials().stream()
                .filter(c -> "sspr-mobile-phone".equals(c.getType())).findFirst().orElseThrow().getId();

        realm.admin().users().get(userId).removeCredential(phoneId);

        JsonNode rows = awaitRows("audit?activity=security_info_changed&user=" + PETRA,
                r -> r.toString().contains("removed_by_admin"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.path("username").asText()).isEqualTo(PETRA);
            assertThat(row.path("step").asText()).isEqualTo("removed_by_admin");
            assertThat(row.path("outcome").asText()).isEqualTo("success");
            assertThat(row.path("reason").asText()).isEqualTo("by_admin service-account-temp-admin");
        });
    }

    @Test
    void rowsOlderThanTheRetentionPeriodArePurged() throws Exception {
        // Something to purge: an audited step.
        new ResetJourney(urls.getBase(), REALM).start().chooseAccount("nobody-to-keep");
        assertThat(get("audit?user=nobody-to-keep")).hasSize(1);

        // 181 days later (retention 180): the task, every minute in the test server, deletes it.
        timeOffSet.set(Duration.ofDays(181));
        String everything = "audit?user=nobody-to-keep&from=0&to=" + (System.currentTimeMillis() + Duration.ofDays(200).toMillis());
        JsonNode left = awaitRows(everything, r -> r.isEmpty());
        assertThat(left).isEmpty();
    }

    private JsonNode awaitRows(String path, Predicate<JsonNode> until) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonNode rows = get(path);
        while (!until.test(rows) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
            rows = get(path);
        }
        return rows;
    }

    private JsonNode get(String path) throws Exception {
        return new SsprAdminApi(urls.getBase(), REALM, adminClient).get(path);
    }

    public static final class UpkeepRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setAdminEventsEnabled(true);
                        // An SMTP server that is down: nothing listens on the discard port here.
                        rep.setSmtpServer(Map.of("host", "127.0.0.1", "port", "9", "from", "sso@upkeep.example"));
                    })
                    .users(UserBuilder.create(PAUL).email("paul@upkeep.example").emailVerified(true)
                            .name("Paul", "Example").password(PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone("+4917000000081")),
                            UserBuilder.create(PETRA).email("petra@upkeep.example").emailVerified(true)
                                    .name("Petra", "Example").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone("+4917000000082")));
        }
    }
}
