package io.github.keycloaksspr.it;

import static io.github.keycloaksspr.it.support.DemoRun.authorizationUrl;
import static io.github.keycloaksspr.it.support.DemoRun.awaitInboxRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
        browser.submit(Map.of("code", Codes.in(awaitInboxRow("+12015550101"))));
        // The remaining method starts at once: the code mail to the alternate address.
        browser.submit(Map.of("code", Codes.in(awaitInboxRow("alice.home@sspr-demo.test"))));
        assertThat(browser.fieldNames()).contains("password-new");
        browser.submit(Map.of("password-new", "Cluster-New-Passw0rd!", "password-confirm", "Cluster-New-Passw0rd!"));
        // Signed in by the reset: the demo realm then asks her to review her security info.
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

    @Test
    @Order(3)
    void ctrlCStopsAndRemovesEveryContainer() throws Exception {
        demo.interrupt();
        assertThat(demo.awaitExit(Duration.ofSeconds(120))).as("demo exits after Ctrl-C").isTrue();
        assertThat(demo.output()).contains("demo: stopped");
        assertThat(docker("ps", "-aq", "--filter", "label=com.docker.compose.project=" + PROJECT)).isBlank();
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
