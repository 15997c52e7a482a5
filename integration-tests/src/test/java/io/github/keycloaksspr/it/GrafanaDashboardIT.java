package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.HelpDeskApi;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
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
 * The Grafana dashboard ({@code docker/grafana/keycloak-sspr.json}) against a live server: after a scripted day of
 * resets (one through, a wrong code, an unknown name, an unlock, a send over budget, a gateway failure), every metric
 * the dashboard queries is on Keycloak's Prometheus endpoint for this realm, with every label the queries group or
 * filter by. A panel whose metric or label does not exist would stay empty in production without anyone noticing.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class GrafanaDashboardIT {

    static final String REALM = "sspr-dashboard";
    static final String PASSWORD = "Kestrel-Harbor-Lantern-31";
    private static final Pattern METRIC = Pattern.compile("\\bsspr_[a-z_]+_total\\b");
    private static final Pattern GROUPED_BY = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHERS = Pattern.compile("\\{([^}]*)\\}");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

    @InjectRealm(config = DashboardRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsServed() throws Exception {
        aDayOfResets();
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric())).GET()
                .build(), HttpResponse.BodyHandlers.ofString()).body();

        Map<String, Set<String>> queried = queriedMetricsAndLabels();
        assertThat(queried.keySet()).as("the dashboard's metrics").contains("sspr_resets_total", "sspr_unlocks_total",
                "sspr_failures_total", "sspr_sends_total", "sspr_blocks_total", "sspr_delivery_failures_total",
                "sspr_helpdesk_total");
        for (Map.Entry<String, Set<String>> metric : queried.entrySet()) {
            List<String> series = metrics.lines()
                    .filter(line -> line.startsWith(metric.getKey() + "{") && line.contains("realm=\"" + REALM + "\""))
                    .toList();
            assertThat(series).as("%s for realm %s on /metrics", metric.getKey(), REALM).isNotEmpty();
            for (String label : metric.getValue()) {
                assertThat(series).as("%s has label %s", metric.getKey(), label)
                        .anyMatch(line -> line.contains(label + "=\""));
            }
        }
    }

    /** Each dashboard query's metrics, with the labels it groups by or filters on ({@code realm} included). */
    private static Map<String, Set<String>> queriedMetricsAndLabels() throws Exception {
        Path dashboard = Path.of(System.getProperty("sspr.projectRoot", ".."), "docker/grafana/keycloak-sspr.json");
        JsonNode panels = new ObjectMapper().readTree(Files.readString(dashboard)).path("panels");
        Map<String, Set<String>> queried = new LinkedHashMap<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                Set<String> labels = new LinkedHashSet<>();
                Matcher grouped = GROUPED_BY.matcher(expr);
                while (grouped.find()) {
                    for (String label : grouped.group(1).split(",")) {
                        labels.add(label.strip());
                    }
                }
                Matcher matchers = MATCHERS.matcher(expr);
                while (matchers.find()) {
                    Matcher label = MATCHER_LABEL.matcher(matchers.group(1));
                    while (label.find()) {
                        labels.add(label.group(1));
                    }
                }
                Matcher metric = METRIC.matcher(expr);
                while (metric.find()) {
                    queried.computeIfAbsent(metric.group(), m -> new LinkedHashSet<>()).addAll(labels);
                }
            }
        }
        return queried;
    }

    private void aDayOfResets() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            // Through: a code, a new password.
            ResetJourney through = journey().chooseAccount("gus").selectMethod("sspr-sms");
            through.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body()));
            through.setNewPassword("Tangerine-Volcano-Ledger-42");
            assertThat(through.signedIn()).as(through.html()).isTrue();

            // A wrong code, and an unknown name.
            ResetJourney wrong = journey().chooseAccount("hal").selectMethod("sspr-sms");
            wrong.enterCode(Codes.wrongFor(Codes.in(twilio.twilio().awaitRequests(2, Duration.ofSeconds(10)).get(1).body())));
            journey().chooseAccount("nobody-on-the-dashboard");

            // Locked out by wrong passwords, then unlocked.
            for (int i = 0; i < 3; i++) {
                TestAppLogin.submitPassword(urls.getBase(), REALM, "ivy", "wrong-password-" + i);
            }
            ResetJourney unlock = journey().chooseAccount("ivy").selectMethod("sspr-sms");
            unlock.enterCode(Codes.in(twilio.twilio().awaitRequests(3, Duration.ofSeconds(10)).get(2).body()));
            assertThat(unlock.pageTitle()).isEqualTo("Your account is locked");
            unlock.choose("unlock");

            // A second code to one number within the hour: over the destination budget of 1.
            journey().chooseAccount("jon").selectMethod("sspr-sms");
            twilio.twilio().awaitRequests(4, Duration.ofSeconds(10));
            journey().chooseAccount("jon").selectMethod("sspr-sms");

            // The gateway refuses the next text.
            twilio.twilio().failNext(500);
            journey().chooseAccount("kim").selectMethod("sspr-sms");
            List<String> failed = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (failed.isEmpty() && System.nanoTime() < deadline) {
                twilio.twilio().requests().stream().filter(r -> !r.accepted()).forEach(r -> failed.add(r.to()));
                Thread.sleep(200);
            }
            assertThat(failed).as("the gateway refused kim's text").isNotEmpty();
            // The help desk looks lou up and texts him a code; the wrong code he reads back is counted.
            HelpDeskApi agent = HelpDeskApi.as(urls.getBase(), REALM, "hana", PASSWORD);
            String lou = new ObjectMapper().readTree(agent.get("api/users?username=lou").body()).path("id").asText();
            agent.post("api/users/" + lou + "/verification", "method=sspr-sms");
            String code = Codes.in(twilio.twilio().awaitRequests(6, Duration.ofSeconds(10)).stream()
                    .filter(r -> "+4917000000506".equals(r.to())).findFirst().orElseThrow().body());
            assertThat(agent.post("api/users/" + lou + "/verification", "code=" + Codes.wrongFor(code)).body())
                    .contains("ssprErrorWrongCode");

            // The refusal is counted on the sending thread once the gateway has answered.
            BackgroundSends.awaitIdle(urls.getMetric());
        }
    }

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), REALM).start();
    }

    public static final class DashboardRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000",
                            "sspr.budget.sends.per.destination", "1"))
                    .update(rep -> {
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setFailureFactor(3);
                        RolesRepresentation roles = new RolesRepresentation();
                        roles.setRealm(List.of(new RoleRepresentation("sspr-helpdesk-agent", "agents", false)));
                        rep.setRoles(roles);
                    })
                    .users(user("gus", "+4917000000501"), user("hal", "+4917000000502"),
                            user("ivy", "+4917000000503"), user("jon", "+4917000000504"),
                            user("kim", "+4917000000505"), user("lou", "+4917000000506"),
                            UserBuilder.create("hana").email("hana@example.org").emailVerified(true)
                                    .name("hana", "Agent").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-" + REALM, "sspr-helpdesk-agent"));
        }

        private static UserBuilder user(String name, String phone) {
            return UserBuilder.create(name).email(name + "@example.org").emailVerified(true).name(name, "Dashboard")
                    .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone(phone));
        }
    }
}
