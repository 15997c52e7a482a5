package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.core.phone.PhoneDelivery;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.TwilioPhoneSender;
import io.github.keycloaksspr.core.phone.TwilioSettings;
import io.github.keycloaksspr.core.phone.VoiceTwiml;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * The phone sender as it ships: these classes come from the shaded provider JAR (this module depends on nothing
 * else of ours), so the relocated Twilio SDK and HTTP client are what talk to the Twilio API stand-in.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class TwilioSenderIT {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "it-auth-token-0123456789abcdef";
    private static final String FROM = "+15005550006";
    private static final String TO = "+4915112345678";

    @InjectHttpServer
    HttpServer httpServer;

    private final TwilioApiStandIn twilio = TwilioApiStandIn.requiringCredentials(ACCOUNT_SID, AUTH_TOKEN);
    private HttpContext context;
    private TwilioPhoneSender sender;

    @BeforeEach
    void pointTheSenderAtTheStandIn() {
        context = httpServer.createContext("/2010-04-01", twilio);
        InetSocketAddress address = httpServer.getAddress();
        sender = new TwilioPhoneSender(TwilioSettings.of(ACCOUNT_SID, AUTH_TOKEN, FROM)
                .withApiBaseUrl("http://127.0.0.1:" + address.getPort())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @AfterEach
    void removeStandIn() {
        httpServer.removeContext(context);
    }

    @Test
    void textsTheCodeToThePhone() throws Exception {
        PhoneDelivery delivery = sender.sendSms(TO, "Your reset code is 482913");

        RecordedTwilioRequest sms = twilio.messages().get(0);
        assertThat(twilio.requests()).hasSize(1);
        assertThat(sms.to()).isEqualTo(TO);
        assertThat(sms.from()).isEqualTo(FROM);
        assertThat(sms.body()).isEqualTo("Your reset code is 482913");
        assertThat(sms.basicAuthUser()).isEqualTo(ACCOUNT_SID);
        assertThat(sms.accepted()).isTrue();
        assertThat(delivery.providerSid()).isEqualTo(sms.providerSid());
    }

    @Test
    void callsThePhoneAndSpeaksTheCodeTwice() throws Exception {
        String twiml = VoiceTwiml.of(SpokenMessage.codeReadTwice("482913", "en-US"));

        sender.placeCall(TO, twiml);

        RecordedTwilioRequest call = twilio.calls().get(0);
        assertThat(call.to()).isEqualTo(TO);
        assertThat(call.twiml()).isEqualTo(twiml).contains("<Say").contains("4, 8, 2, 9, 1, 3");
        assertThat(call.twiml().split("4, 8, 2, 9, 1, 3", -1)).as("code spoken twice").hasSize(3);
    }

    @Test
    void aProviderErrorIsReportedClearlyAndNotRetried() {
        twilio.failNext(500);

        assertThatThrownBy(() -> sender.sendSms(TO, "Your reset code is 482913"))
                .isInstanceOfSatisfying(PhoneDeliveryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PhoneDeliveryException.Reason.PROVIDER_ERROR);
                    assertThat(e.httpStatus()).hasValue(500);
                    assertThat(e.getMessage()).contains("500").doesNotContain(AUTH_TOKEN).doesNotContain("482913")
                            .doesNotContain(TO);
                });
        assertThat(twilio.requests()).as("one failing send reaches Twilio once, not 3 times").hasSize(1);
    }

    @Test
    void aHangingProviderTimesOutWithinTheBound() {
        // Its own server: a hanging answer must not hold up the shared server's single dispatcher thread.
        TwilioApiStandIn hanging = TwilioApiStandIn.requiringCredentials(ACCOUNT_SID, AUTH_TOKEN);
        hanging.delayResponses(Duration.ofSeconds(5));
        try (LoopbackServer server = hanging.startOn(new InetSocketAddress("127.0.0.1", 0))) {
            TwilioPhoneSender hangingSender = new TwilioPhoneSender(TwilioSettings.of(ACCOUNT_SID, AUTH_TOKEN, FROM)
                    .withApiBaseUrl(server.baseUrl().toString())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
            long started = System.nanoTime();

            assertThatThrownBy(() -> hangingSender.sendSms(TO, "Your reset code is 482913"))
                    .isInstanceOfSatisfying(PhoneDeliveryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(PhoneDeliveryException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).doesNotContain(AUTH_TOKEN).doesNotContain("482913");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
