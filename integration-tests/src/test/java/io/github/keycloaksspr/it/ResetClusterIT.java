package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.ClusterNode;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ReminderRuns;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.UserBuilder;

/**
 * Two Keycloak nodes with the shipped JAR on one PostgreSQL database, clustered by Infinispan (jdbc-ping), as ops run
 * the pack once one node is not enough. Every step of a reset may land on either node: the flow, the send budgets,
 * a code's tries and the attempt ledger are cluster-wide, and a node that dies after sending a code loses nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(AwayFromWindowEnd.class)
class ResetClusterIT {

    static final String REALM = "sspr-cluster";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";
    static final int DESTINATION_BUDGET = 3;
    static final int ATTEMPTS = 5;
    static final String REMINDERS_REALM = "sspr-cluster-reminders";

    private static final Pattern TWO_MEMBERS = Pattern.compile("members \\[[^\\]]*, [^\\]]*\\]");

    static LoopbackServer callback;
    static LoopbackServer twilioServer;
    static TwilioApiStandIn twilio;
    static ClusterNode first;
    static ClusterNode second;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        callback = LoopbackServer.start(new InetSocketAddress("127.0.0.1", 0), exchange -> {
            byte[] page = "<html><head><title>signed in</title></head></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        }, "callback");
        twilio = TwilioApiStandIn.acceptingAnyCredentials();
        twilioServer = twilio.startOn(new InetSocketAddress("127.0.0.1", 0));

        Path work = Path.of(System.getProperty("sspr.clusterWork", "target/cluster"));
        Files.createDirectories(work);
        Path home = ClusterNode.prepare(Path.of(System.getProperty("sspr.keycloakDistZip")),
                Path.of(System.getProperty("sspr.providerJar")), work);
        Map<String, String> options = Map.of(
                "spi-sspr-phone-gateway--sspr-twilio--account-sid", "AC00000000000000000000000000000042",
                "spi-sspr-phone-gateway--sspr-twilio--auth-token", "cluster-it-auth-token-0123456789ab",
                "spi-sspr-phone-gateway--sspr-twilio--from-number", "+15005550006",
                "spi-sspr-phone-gateway--sspr-twilio--api-base-url", twilioServer.baseUrl().toString());
        String database = "jdbc:postgresql://127.0.0.1:55432/keycloak_cluster";
        // One after the other: two nodes on an empty database would both try to create its schema.
        first = ClusterNode.start(home, "node-1", 8280, 9280, "127.0.0.2", database, options).awaitReady();
        second = ClusterNode.start(home, "node-2", 8380, 9380, "127.0.0.3", database, options).awaitReady();
        awaitOneClusterOfTwo();
        importRealm();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, twilioServer, callback}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void aResetWhoseEveryStepAlternatesNodesSucceeds() throws Exception {
        ResetJourney journey = journey(first);
        journey.start().via(second.port()).chooseAccount("ada").via(first.port()).selectMethod("sspr-sms");
        String code = Codes.in(twilio.awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
        journey.via(second.port()).enterCode(code);
        assertThat(journey.fieldNames()).contains("password-new");
        journey.via(first.port()).setNewPassword(NEW_PASSWORD);
        assertThat(journey.url()).startsWith(callback.baseUrl() + "/callback").contains("code=");
    }

    @Test
    @Order(2)
    void theSendBudgetOfADestinationHoldsAcrossNodes() throws Exception {
        twilio.reset();
        for (int i = 0; i < 10; i++) {
            ClusterNode node = i % 2 == 0 ? first : second;
            journey(node).start().chooseAccount("bea").selectMethod("sspr-sms");
        }
        BackgroundSends.awaitIdle(first.metricsUrl(), second.metricsUrl());
        assertThat(twilio.requests()).as("ten requests on alternating nodes, the budget's count of texts")
                .hasSize(DESTINATION_BUDGET);
    }

    @Test
    @Order(3)
    void threeWrongTriesSpreadOverBothNodesKillTheCode() throws Exception {
        twilio.reset();
        ResetJourney journey = journey(first).start().chooseAccount("cid").selectMethod("sspr-sms");
        String code = Codes.in(twilio.awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
        journey.via(second.port()).enterCode(Codes.wrongFor(code));
        journey.via(first.port()).enterCode(Codes.wrongFor(code));
        assertThat(journey.html()).as("two wrong tries, one on each node: the code lives")
                .contains("That code is not right");
        journey.via(second.port()).enterCode(Codes.wrongFor(code));
        // The third try, on either node, killed it: with the phone as the only method, the reset ends.
        assertThat(journey.html()).contains("We could not verify your identity");
        assertThat(journey.fieldNames()).doesNotContain("code", "password-new");
    }

    @Test
    @Order(4)
    void theAttemptLedgerHoldsAcrossNodes() throws Exception {
        twilio.reset();
        ResetJourney journey = journey(first).start().chooseAccount("dan").selectMethod("sspr-sms");
        for (int i = 0; i < 3; i++) {
            journey.via((i % 2 == 0 ? second : first).port()).enterCode("000000");
        }
        // The code is dead after three; a second code for the fourth and fifth wrong answer.
        journey = journey(second).start().chooseAccount("dan").selectMethod("sspr-sms");
        journey.via(first.port()).enterCode("000000");
        journey.via(second.port()).enterCode("000000");
        assertThat(journey.html()).as("the fifth wrong answer blocks")
                .contains("Too many attempts: self-service password reset is blocked");
        ResetJourney late = journey(first).start().chooseAccount("dan");
        assertThat(late.html()).as("blocked on both nodes after %d wrong answers", ATTEMPTS)
                .contains("Too many attempts: self-service password reset is blocked");
    }

    /**
     * Both nodes run the password-expiry reminders at the same moment, twice each: every user is reminded once (one
     * text each), whichever node got there first; the others find the reminder's key taken and send nothing.
     */
    @Test
    @Order(5)
    void bothNodesRunningTheRemindersAtOnceRemindEachUserOnce() throws Exception {
        importRemindersRealm();
        twilio.reset();
        // Each node's own token (a token names the address it was issued at), its session open while the runs last.
        try (Keycloak atFirst = Keycloak.getInstance(first.baseUrl(), "master", "admin", "admin", "admin-cli");
             Keycloak atSecond = Keycloak.getInstance(second.baseUrl(), "master", "admin", "admin", "admin-cli")) {
            Map<ClusterNode, String> tokens = Map.of(first, atFirst.tokenManager().getAccessTokenString(),
                    second, atSecond.tokenManager().getAccessTokenString());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (ClusterNode node : List.of(first, second, first, second)) {
                    runs.add(pool.submit(() -> runReminders(node, tokens.get(node))));
                }
                int reminded = 0;
                for (Future<Integer> run : runs) {
                    reminded += run.get(60, TimeUnit.SECONDS);
                }
                assertThat(reminded).as("three users, each reminded by one of the four runs").isEqualTo(3);
            } finally {
                pool.shutdownNow();
            }
        }
        // The texts leave before a run answers: all four answered, so every text that was sent has arrived.
        Map<String, Long> texts = twilio.requests().stream()
                .collect(Collectors.groupingBy(r -> r.to(), Collectors.counting()));
        assertThat(texts).containsOnly(Map.entry("+4917000000096", 1L), Map.entry("+4917000000097", 1L),
                Map.entry("+4917000000098", 1L));
    }

    @Test
    @Order(6)
    void aCodeSentByANodeThatDiesIsAcceptedByTheOther() throws Exception {
        twilio.reset();
        ResetJourney journey = journey(first).start().chooseAccount("eve").selectMethod("sspr-sms");
        String code = Codes.in(twilio.awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
        first.kill();

        journey.via(second.port()).enterCode(code);
        assertThat(journey.fieldNames()).contains("password-new");
        journey.setNewPassword(NEW_PASSWORD);
        assertThat(journey.url()).startsWith(callback.baseUrl() + "/callback").contains("code=");
    }

    /** "Forgot password?" on the cluster, each request to the node chosen last. */
    private static ResetJourney journey(ClusterNode node) {
        return new ResetJourney("http://127.0.0.1", REALM).returningTo(callback.baseUrl() + "/callback")
                .via(node.port());
    }

    /** Both logs name both members once Infinispan has rebalanced. */
    private static void awaitOneClusterOfTwo() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(clusterOfTwo(first.log()) && clusterOfTwo(second.log()))) {
            assertThat(System.nanoTime()).as("the nodes form one cluster").isLessThan(deadline);
            Thread.sleep(1000);
        }
    }

    private static boolean clusterOfTwo(String log) {
        return log.lines().anyMatch(line -> line.contains("ISPN100010") && TWO_MEMBERS.matcher(line).find());
    }

    private static void importRealm() throws IOException {
        RealmRepresentation realm = SsprResetRealm.configure(RealmBuilder.create().name(REALM), Map.of(
                        "sspr.methods", "sspr-sms",
                        "sspr.methods.required", "1",
                        "sspr.captcha.difficulty", "1000",
                        "sspr.budget.sends.per.destination", Integer.toString(DESTINATION_BUDGET),
                        "sspr.attempts.per.account", Integer.toString(ATTEMPTS)))
                .users(user("ada", "+4917000000091"), user("bea", "+4917000000092"), user("cid", "+4917000000093"),
                        user("dan", "+4917000000094"), user("eve", "+4917000000095"))
                .build();
        for (ClientRepresentation client : realm.getClients()) {
            if (SsprResetRealm.CLIENT_ID.equals(client.getClientId())) {
                client.setRedirectUris(List.of(callback.baseUrl() + "/callback"));
            }
        }
        try (Keycloak admin = Keycloak.getInstance(first.baseUrl(), "master", "admin", "admin", "admin-cli")) {
            if (admin.realms().findAll().stream().anyMatch(r -> REALM.equals(r.getRealm()))) {
                admin.realm(REALM).remove();
            }
            admin.realms().create(realm);
        }
    }

    /** A realm whose passwords live 10 days: a password set now reached the 14-day reminder already. */
    private static void importRemindersRealm() throws IOException {
        RealmRepresentation realm = SsprResetRealm.configure(RealmBuilder.create().name(REMINDERS_REALM), Map.of(
                        "sspr.methods", "sspr-sms",
                        "sspr.methods.required", "1",
                        "sspr.reminder.sms", "true"))
                .update(rep -> {
                    rep.setPasswordPolicy("forceExpiredPasswordChange(10)");
                    rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                })
                .users(user("fay", "+4917000000096"), user("gil", "+4917000000097"), user("hal", "+4917000000098"))
                .build();
        try (Keycloak admin = Keycloak.getInstance(first.baseUrl(), "master", "admin", "admin", "admin-cli")) {
            if (admin.realms().findAll().stream().anyMatch(r -> REMINDERS_REALM.equals(r.getRealm()))) {
                admin.realm(REMINDERS_REALM).remove();
            }
            admin.realms().create(realm);
        }
    }

    private static int runReminders(ClusterNode node, String token) throws Exception {
        return ReminderRuns.run(node.baseUrl(), REMINDERS_REALM, token);
    }

    private static UserBuilder user(String name, String phone) {
        return UserBuilder.create(name).email(name + "@cluster.example").emailVerified(true).name(name, "Cluster")
                .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone(phone));
    }
}
