package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException.Reason;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest.Kind;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real Twilio SDK, through our transport, against the Twilio API stand-in on a loopback port. */
class TwilioPhoneSenderTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "s3cr3t-auth-token-0123456789abcd";
    private static final String FROM = "+15005550006";
    private static final String TO = "+4915112345678";
    private static final String BODY = "Your password reset code is 864209";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final TwilioApiStandIn standIn = TwilioApiStandIn.requiringCredentials(ACCOUNT_SID, AUTH_TOKEN);
    private LoopbackServer server;
    private TwilioPhoneSender sender;

    @BeforeEach
    void startStandIn() {
        server = standIn.startOn(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        sender = new TwilioPhoneSender(settingsFor(server.baseUrl().toString(), AUTH_TOKEN));
    }

    @AfterEach
    void stopStandIn() {
        server.close();
    }

    @Test
    void sendsAnSmsAsTheAccountWithToFromAndBody() throws Exception {
        PhoneDelivery delivery = sender.sendSms(TO, BODY);

        assertThat(delivery.providerSid()).startsWith("SM").hasSize(34);
        assertThat(delivery.status()).isEqualTo("queued");
        assertThat(standIn.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.kind()).isEqualTo(Kind.SMS);
            assertThat(sms.method()).isEqualTo("POST");
            assertThat(sms.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(sms.accountSid()).isEqualTo(ACCOUNT_SID);
            assertThat(sms.basicAuthUser()).isEqualTo(ACCOUNT_SID);
            assertThat(sms.to()).isEqualTo(TO);
            assertThat(sms.from()).isEqualTo(FROM);
            assertThat(sms.body()).isEqualTo(BODY);
            assertThat(sms.providerSid()).isEqualTo(delivery.providerSid());
        });
    }

    @Test
    void placesACallThatSpeaksTheTwiml() throws Exception {
        String twiml = VoiceTwiml.of(SpokenMessage.codeReadTwice("864209", "de-DE"));

        PhoneDelivery delivery = sender.placeCall(TO, twiml);

        assertThat(delivery.providerSid()).startsWith("CA").hasSize(34);
        assertThat(delivery.status()).isEqualTo("queued");
        assertThat(standIn.calls()).singleElement().satisfies(call -> {
            assertThat(call.path()).endsWith("/Calls.json");
            assertThat(call.to()).isEqualTo(TO);
            assertThat(call.from()).isEqualTo(FROM);
            assertThat(call.twiml()).isEqualTo(twiml);
            assertThat(call.basicAuthUser()).isEqualTo(ACCOUNT_SID);
        });
    }

    @Test
    void serverErrorIsReportedAfterExactlyOneRequest() {
        standIn.failAll(500);

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

        assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
        assertThat(e.httpStatus()).hasValue(500);
        assertThat(e.twilioErrorCode()).hasValue(20500);
        assertThat(e.getMessage()).contains("HTTP 500").contains("20500");
        // The SDK's default client would have sent it three times.
        assertThat(standIn.requests()).hasSize(1);
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void tooManyRequestsIsRateLimited() {
        standIn.failNext(429);

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

        assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(e.httpStatus()).hasValue(429);
        assertThat(e.twilioErrorCode()).hasValue(20429);
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void invalidNumberIsRejectedWithTwilioCode() {
        standIn.failNext(400, 21211);

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.placeCall(TO, "<Response/>"));

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.httpStatus()).hasValue(400);
        assertThat(e.twilioErrorCode()).hasValue(21211);
        assertThat(e.getMessage()).startsWith("Call via Twilio failed").contains("21211");
    }

    @Test
    void wrongTokenIsRejectedWithoutShowingAnyToken() {
        String wrongToken = "wrong-token-ffffffffffffffffffffff";
        TwilioPhoneSender wronglyConfigured = new TwilioPhoneSender(settingsFor(server.baseUrl().toString(), wrongToken));

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> wronglyConfigured.sendSms(TO, BODY));

        assertThat(e.reason()).isEqualTo(Reason.REJECTED);
        assertThat(e.httpStatus()).hasValue(401);
        assertThat(e.twilioErrorCode()).hasValue(20003);
        assertThat(e.getMessage()).doesNotContain(wrongToken).doesNotContain(AUTH_TOKEN);
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void slowAnswerTimesOutWithinAboutTheRequestTimeout() {
        standIn.delayResponses(Duration.ofSeconds(4));

        long start = System.nanoTime();
        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("1000 ms");
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(Duration.ofMillis(2500));
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        TwilioPhoneSender nowhere = new TwilioPhoneSender(settingsFor("http://127.0.0.1:" + closedPort, AUTH_TOKEN));

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> nowhere.sendSms(TO, BODY));

        assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(e.httpStatus()).isEmpty();
        assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort).contains("nothing was sent");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 502, 503})
    void failureMessagesNeverHoldTokenBodyOrNumber(int status) {
        standIn.failNext(status);

        PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

        assertThat(e.httpStatus()).hasValue(status);
        assertThat(messagesOf(e)).allSatisfy(message -> assertThat(message)
                .doesNotContain(AUTH_TOKEN)
                .doesNotContain("864209")
                .doesNotContain(TO.substring(1)));
    }

    @Test
    void invalidDestinationIsRefusedBeforeSendingAndNotQuoted() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> sender.sendSms("015112345678", BODY))
                .withMessageNotContaining("015112345678");
        assertThatIllegalArgumentException().isThrownBy(() -> sender.sendSms(TO, " "));
        assertThatIllegalArgumentException().isThrownBy(() -> sender.sendSms(TO, "x".repeat(1601)));
        assertThat(standIn.requests()).isEmpty();
    }

    /** Answers a proxy or Twilio could give that the stand-in does not: non-JSON errors, Twilio text quoting the number, unreadable success. */
    @Nested
    class UnusualAnswers {

        private HttpServer scripted;
        private final List<URI> requestUris = Collections.synchronizedList(new ArrayList<>());

        @AfterEach
        void stop() {
            if (scripted != null) {
                scripted.stop(0);
            }
        }

        @Test
        void htmlBadGatewayKeepsItsStatus() throws Exception {
            TwilioPhoneSender viaProxy = senderAnswering(502, "text/html", "<html><body>Bad Gateway</body></html>");

            PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> viaProxy.sendSms(TO, BODY));

            assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
            assertThat(e.httpStatus()).hasValue(502);
            assertThat(e.twilioErrorCode()).isEmpty();
            assertThat(requestUris).hasSize(1);
        }

        @Test
        void twilioErrorTextQuotingTheNumberIsNotCopied() throws Exception {
            TwilioPhoneSender sender = senderAnswering(400, "application/json",
                    "{\"code\":21211,\"message\":\"The 'To' number " + TO + " is not a valid phone number.\","
                            + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}");

            PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

            assertThat(e.reason()).isEqualTo(Reason.REJECTED);
            assertThat(e.twilioErrorCode()).hasValue(21211);
            assertThat(messagesOf(e)).allSatisfy(message -> assertThat(message).doesNotContain(TO.substring(1)));
        }

        @Test
        void unreadableSuccessIsAProviderErrorWithoutEchoingTheAnswer() throws Exception {
            TwilioPhoneSender sender = senderAnswering(201, "application/json", "{\"to\":\"" + TO + "\",\"body\":\"" + BODY + "\",");

            PhoneDeliveryException e = catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

            assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
            assertThat(e.getCause()).isNull();
            assertThat(e.getMessage()).doesNotContain(TO.substring(1)).doesNotContain("864209");
        }

        @Test
        void baseUrlPathPrefixAndSdkPathAreBothKept() throws Exception {
            TwilioPhoneSender sender = senderAnswering(500, "application/json", "{}", "/twilio-proxy");

            catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

            assertThat(requestUris).singleElement().hasToString(
                    "/twilio-proxy/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        }

        private TwilioPhoneSender senderAnswering(int status, String contentType, String body) throws IOException {
            return senderAnswering(status, contentType, body, "");
        }

        private TwilioPhoneSender senderAnswering(int status, String contentType, String body, String prefix) throws IOException {
            scripted = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            scripted.createContext("/", exchange -> {
                requestUris.add(exchange.getRequestURI());
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            scripted.start();
            return new TwilioPhoneSender(settingsFor(
                    "http://127.0.0.1:" + scripted.getAddress().getPort() + prefix, AUTH_TOKEN));
        }
    }

    private static TwilioSettings settingsFor(String baseUrl, String token) {
        return TwilioSettings.of(ACCOUNT_SID, token, FROM)
                .withApiBaseUrl(baseUrl)
                .withTimeouts(TIMEOUT, TIMEOUT);
    }

    /** The message of the exception and of every cause: all of it ends up in a logged stack trace. */
    private static List<String> messagesOf(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        return messages;
    }
}
