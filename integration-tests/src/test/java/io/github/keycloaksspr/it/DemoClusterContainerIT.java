package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.DemoRun.authorizationUrl;
import static io.github.keycloaksspr.it.support.DemoRun.awaitInboxRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keycloaksspr.it.support.AltchaSolver;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.DemoRun;
import io.github.keycloaksspr.it.support.FormBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code demo/run.sh --cluster} as a newcomer on a machine without registry access would: it builds the base
 * images from Debian's packages and starts {@code docker/compose.yaml} (PostgreSQL, the sinks, two Keycloak nodes with
 * the pack, HAProxy in front). Proves the two nodes form one cluster, a whole two-method reset through the load balancer
 * (round robin, no sticky sessions) lands on both nodes and succeeds, and Ctrl-C removes every container.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class DemoClusterContainerIT {

    private static final String PROJECT = "keycloak-sspr-demo";
    private static final Pattern TWO_MEMBERS = Pattern.compile("ISPN100010: .*members \\[[^\\]]*, [^\\]]*\\]");

    private static DemoRun demo;

    @BeforeAll
    static void startTheCluster() throws Exception {
        demo = DemoRun.start(Duration.ofMinutes(12), "--cluster", "--no-build", "--reset");
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void theTwoNodesFormOneCluster() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(TWO_MEMBERS.matcher(logsOf("keycloak-1")).find() && TWO_MEMBERS.matcher(logsOf("keycloak-2")).find())) {
            assertThat(System.nanoTime()).as("both nodes log a rebalance with two members").isLessThan(deadline);
            Thread.sleep(1000);
        }
        assertThat(demo.output()).contains("two Keycloak 26.7.3 nodes", "http://localhost:8080/realms/sspr-demo/account");
    }

    @Test
    @Order(2)
    void aTwoMethodResetThroughTheLoadBalancerUsesBothNodesAndSucceeds() throws Exception {
        FormBrowser browser = new FormBrowser().open(authorizationUrl()).clickLink("Forgot Password?");
        browser.submit(Map.of("username", "alice",
                "sspr-captcha", AltchaSolver.solve(AltchaSolver.challengeOf(browser.html()))));
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Verify your identity");
        browser.submit(Map.of("method", "sspr-sms"));
        String resetText = awaitInboxRow("+12015550101");
        browser.submit(Map.of("code", Codes.in(resetText)));
        // The remaining method starts at once: the code mail to the alternate address.
        browser.submit(Map.of("code", Codes.in(awaitInboxRow("alice.home@sspr-demo.test"))));
        assertThat(browser.fieldNames()).contains("password-new");
        browser.submit(Map.of("password-new", "Cluster-New-Passw0rd!", "password-confirm", "Cluster-New-Passw0rd!"));
        // Her sign-in asks a text-message code after the password: the reset ends on the sign-in page, not signed in.
        assertThat(browser.html()).contains("Your password was changed. Sign in with your new password.");
        assertThat(browser.url()).as("not back at the app").doesNotStartWith(DemoRun.INBOX);
        browser.submit(Map.of("username", "alice", "password", "Cluster-New-Passw0rd!"));
        assertThat(browser.fieldNames()).as("the second factor").contains("code");
        browser.submit(Map.of("code", Codes.in(awaitNewInboxRow("+12015550101", resetText))));
        // Then the demo realm asks her to review her security info.
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        browser.submit(Map.of("action", "confirm"));
        assertThat(browser.url()).as("back at the app, signed in").startsWith(DemoRun.INBOX).contains("code=");

        // HAProxy's request log names the server of each request (its health checks are logged differently).
        String balancerLog = logsOf("load-balancer");
        List<String> requests = balancerLog.lines()
                .filter(line -> line.contains("\"POST /realms/sspr-demo/login-actions/")).toList();
        assertThat(requests).as("the journey's form posts went to both nodes; HAProxy logged:%n%s", balancerLog)
                .anyMatch(line -> line.contains(" nodes/keycloak-1 "))
                .anyMatch(line -> line.contains(" nodes/keycloak-2 "));
    }

    /**
     * An attacker writes X-Forwarded-For to pose as other clients: through the balancer, Keycloak must still see the
     * one address the connection came from, in events (and so in the per-address ledger, budgets and audit rows,
     * which read the same address).
     */
    @Test
    @Order(3)
    void forgedForwardingHeadersThroughTheBalancerAreNotBelieved() throws Exception {
        Map<String, String> forged = Map.of("xff-nobody-1", "203.0.113.7", "xff-nobody-2", "198.51.100.9, 10.0.0.1");
        for (Map.Entry<String, String> attempt : forged.entrySet()) {
            FormBrowser browser = new FormBrowser(attempt.getValue()).open(authorizationUrl())
                    .clickLink("Forgot Password?");
            browser.submit(Map.of("username", attempt.getKey(),
                    "sspr-captcha", AltchaSolver.solve(AltchaSolver.challengeOf(browser.html()))));
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Verify your identity");
        }
        HttpResponse<String> events = DemoRun.get(DemoRun.BASE + "/admin/realms/sspr-demo/events?max=1000",
                "Authorization", "Bearer " + DemoRun.adminToken());
        assertThat(events.statusCode()).as(events.body()).isEqualTo(200);
        List<String> addresses = new ArrayList<>();
        for (JsonNode event : new ObjectMapper().readTree(events.body())) {
            if (forged.containsKey(event.path("details").path("username").asText())) {
                addresses.add(event.path("ipAddress").asText());
            }
        }
        assertThat(addresses).as("the choose-account events of both names").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(address -> assertThat(address).isNotIn("203.0.113.7", "198.51.100.9", "10.0.0.1")
                        .isEqualTo(addresses.get(0)));
    }

    @Test
    @Order(4)
    void ctrlCStopsAndRemovesEveryContainer() throws Exception {
        List<ProcessHandle> started = demo.startedProcesses();
        assertThat(started).as("what the script started").isNotEmpty();
        demo.interrupt();
        assertThat(demo.awaitExit(Duration.ofSeconds(120))).as("demo exits after Ctrl-C").isTrue();
        assertThat(DemoRun.survivors(started, Duration.ofSeconds(10))).as("processes the script left behind").isEmpty();
        assertThat(demo.output()).contains("demo: stopped");
        assertThat(docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT)).isBlank();
    }

    /** The newest inbox row naming {@code destination} once it is another than {@code previous}. */
    private static String awaitNewInboxRow(String destination, String previous) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String row = awaitInboxRow(destination);
        while (row.equals(previous)) {
            assertThat(System.nanoTime()).as("a new delivery to %s", destination).isLessThan(deadline);
            Thread.sleep(500);
            row = awaitInboxRow(destination);
        }
        return row;
    }

    private static String logsOf(String service) throws Exception {
        String id = docker("ps", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT,
                "--filter", "label=com.docker.compose.service=" + service).trim();
        assertThat(id).as("a running %s container", service).isNotBlank();
        return docker("logs", id);
    }

    private static String docker(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
