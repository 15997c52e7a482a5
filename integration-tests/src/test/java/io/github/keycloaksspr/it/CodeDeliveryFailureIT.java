package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Codes leave after the page: with the mail server gone, the phone gateway failing or hanging, "send code" still
 * answers at once with the code page, the next page of that method says the code could not be sent, the audit
 * records {@code delivery_failed}, and nothing is retried. While a channel is failing, a name that cannot reset
 * sees the same failure, so that an outage does not tell registered accounts apart either.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class CodeDeliveryFailureIT {

    static final String RITA = "rita";
    static final String RITA_PHONE = "+4917000000081";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String SEND_FAILED = "We could not send the code. Please try again later or choose another method.";
    /** Longer than the gateway's request timeout (10 s): the send fails by timeout. */
    static final Duration HANGING = Duration.ofSeconds(12);

    @InjectRealm(config = FailureRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void aCodeTheMailServerCannotTakeIsReportedOnTheNextPageAndAudited() throws Exception {
        stopMailServerForThisRealm();
        ResetJourney journey = journey().chooseAccount(RITA).selectMethod("sspr-email");
        assertThat(journey.pageTitle()).as("the code page, without waiting for the mail server")
                .startsWith("Enter the code we emailed to ");

        awaitFailureShownOnRefresh(journey, Duration.ofSeconds(15));
        assertThat(journey.pageTitle()).isEqualTo("Verify your identity");
        assertThat(journey.html()).as("the method may be tried again later").contains("sspr-method-sspr-email");
        assertThat(RealmEvents.ssprDetails(realm)).anySatisfy(d -> assertThat(d)
                .containsEntry("sspr_reason", "delivery_failed").containsEntry("sspr_method", "sspr-email"));
        assertThat(auditReasons()).contains("delivery_failed");

        // While the channel is marked failing, a stand-in's code "fails" too.
        ResetJourney stranger = journey().chooseAccount("nobody-at-all").selectMethod("sspr-email");
        awaitFailureShownOnRefresh(stranger, Duration.ofSeconds(15));
        assertThat(stranger.pageTitle()).isEqualTo("Verify your identity");
    }

    @Test
    void aCodeThePhoneGatewayRefusesIsReportedOnTheNextPageAndNotRetried() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            twilio.twilio().failAll(500);
            ResetJourney journey = journey().chooseAccount(RITA).selectMethod("sspr-sms");
            assertThat(journey.pageTitle()).startsWith("Enter the code we texted to ");

            twilio.twilio().awaitRequests(1, Duration.ofSeconds(10));
            // The gateway's refusal reaches the server's sending thread just after the request was recorded here.
            BackgroundSends.awaitIdle(urls.getMetric());
            journey.enterCode("123456");
            assertThat(journey.html()).contains(SEND_FAILED);
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("sent once, never retried").hasSize(1);
        }
        assertThat(RealmEvents.ssprDetails(realm)).anySatisfy(d -> assertThat(d)
                .containsEntry("sspr_reason", "delivery_failed").containsEntry("sspr_method", "sspr-sms"));
    }

    @Test
    void sendCodeAnswersBeforeAHangingGatewayDoesAndTheTimeoutIsReportedLater() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            twilio.twilio().delayResponses(HANGING);
            ResetJourney journey = journey().chooseAccount(RITA);

            long started = System.nanoTime();
            journey.selectMethod("sspr-sms");
            Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);

            assertThat(journey.pageTitle()).startsWith("Enter the code we texted to ");
            assertThat(answeredAfter).as("the page came back while the gateway was still holding its answer")
                    .isLessThan(HANGING);
            assertThat(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5))).hasSize(1);
            awaitFailureShownOnRefresh(journey, Duration.ofSeconds(20));
        }
    }

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), realm.getName()).start();
    }

    /** Refreshes the code page, as a user waiting for a code does, until it says the code could not be sent. */
    private static void awaitFailureShownOnRefresh(ResetJourney journey, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!journey.html().contains(SEND_FAILED)) {
            assertThat(System.nanoTime()).as("the failure is shown within %s", timeout).isLessThan(deadline);
            Thread.sleep(300);
            journey.refresh();
        }
    }

    /** The realm's SMTP settings point at a loopback port nobody listens on, as if the mail server were down. */
    private void stopMailServerForThisRealm() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RealmRepresentation settings = realm.admin().toRepresentation();
        Map<String, String> original = new HashMap<>(settings.getSmtpServer());
        Map<String, String> down = new HashMap<>(original);
        down.put("host", "127.0.0.1");
        down.put("port", Integer.toString(closedPort));
        settings.setSmtpServer(down);
        realm.admin().update(settings);
        realm.cleanup().add(r -> {
            RealmRepresentation restore = r.toRepresentation();
            restore.setSmtpServer(original);
            r.update(restore);
        });
    }

    private List<String> auditReasons() throws Exception {
        JsonNode rows = new SsprAdminApi(urls.getBase(), realm.getName(), adminClient).get("audit?max=1000");
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.path("reason").asText()).toList();
    }

    public static final class FailureRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-delivery-failures"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "2",
                            "sspr.budget.sends.per.user", "50",
                            "sspr.budget.sends.per.destination", "50",
                            "sspr.budget.sends.per.ip", "100",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")))
                    .users(UserBuilder.create(RITA).email("rita@example.org").emailVerified(true)
                            .name("Rita", "Example").password(PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone(RITA_PHONE))
                            .credential(SeededCredentials.alternateEmail("rita.home@example.net")));
        }
    }
}
