package io.github.keycloaksspr.testsinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioApiStandInTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "token-0123456789";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";

    private final TwilioApiStandIn standIn = TwilioApiStandIn.requiringCredentials(SID, TOKEN);
    private final HttpClient http = HttpClient.newHttpClient();
    private LoopbackServer server;

    @BeforeEach
    void start() {
        server = standIn.startOn(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void acceptsAndRecordsAnSms() throws Exception {
        List<RecordedTwilioRequest> heard = new CopyOnWriteArrayList<>();
        standIn.addListener(heard::add);

        HttpResponse<String> answer = post(MESSAGES, TOKEN, "To", "+4915112345678", "From", "+15005550006", "Body", "Code: 123 456 & more");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body())
                .containsPattern("\"sid\":\"SM[0-9a-f]{32}\"")
                .contains("\"status\":\"queued\"", "\"direction\":\"outbound-api\"", "\"body\":\"Code: 123 456 & more\"")
                .containsPattern("\"date_created\":\"[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000\"");
        assertThat(standIn.messages()).singleElement().satisfies(sms -> {
            assertThat(sms.kind()).isEqualTo(Kind.SMS);
            assertThat(sms.to()).isEqualTo("+4915112345678");
            assertThat(sms.from()).isEqualTo("+15005550006");
            assertThat(sms.body()).isEqualTo("Code: 123 456 & more");
            assertThat(sms.basicAuthUser()).isEqualTo(SID);
            assertThat(sms.accountSid()).isEqualTo(SID);
            assertThat(sms.formValue("Body")).isEqualTo(sms.body());
            assertThat(answer.body()).contains(sms.providerSid());
        });
        assertThat(heard).hasSize(1);
    }

    @Test
    void acceptsAndRecordsACall() throws Exception {
        HttpResponse<String> answer = post(CALLS, TOKEN, "To", "+4915112345678", "From", "+15005550006", "Twiml", "<Response/>");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).containsPattern("\"sid\":\"CA[0-9a-f]{32}\"");
        assertThat(standIn.calls()).singleElement().extracting(RecordedTwilioRequest::twiml).isEqualTo("<Response/>");
        assertThat(standIn.messages()).isEmpty();
    }

    @Test
    void rejectsWrongCredentialsTwilioStyle() throws Exception {
        HttpResponse<String> answer = post(MESSAGES, "wrong", "To", "+4915112345678", "From", "+15005550006", "Body", "x");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("\"code\":20003", "\"message\":\"Authenticate\"", "\"status\":401", "\"more_info\":");
        assertThat(standIn.messages()).isEmpty();
        assertThat(standIn.requests()).singleElement().extracting(RecordedTwilioRequest::responseStatus).isEqualTo(401);
    }

    @Test
    void programmedFailuresComeFirstThenNormalService() throws Exception {
        standIn.failNext(429);
        standIn.failNext(500);

        assertThat(post(MESSAGES, TOKEN, "Body", "1").body()).contains("\"code\":20429");
        assertThat(post(MESSAGES, TOKEN, "Body", "2").body()).contains("\"code\":20500");
        assertThat(post(MESSAGES, TOKEN, "Body", "3").statusCode()).isEqualTo(201);

        standIn.failAll(503);
        assertThat(post(MESSAGES, TOKEN, "Body", "4").statusCode()).isEqualTo(503);
        assertThat(post(CALLS, TOKEN, "Twiml", "5").statusCode()).isEqualTo(503);

        standIn.reset();
        assertThat(standIn.requests()).isEmpty();
        assertThat(post(MESSAGES, TOKEN, "Body", "6").statusCode()).isEqualTo(201);
    }

    @Test
    void unknownPathIsA404() throws Exception {
        HttpResponse<String> answer = post("/2010-04-01/Accounts/" + SID + "/Faxes.json", TOKEN);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).contains("\"code\":20404");
        assertThat(standIn.requests()).singleElement().extracting(RecordedTwilioRequest::kind).isEqualTo(Kind.OTHER);
    }

    @Test
    void awaitRequestsWaitsForLateRequestsAndFailsClearly() throws Exception {
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(200);
                post(MESSAGES, TOKEN, "Body", "late");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();

        assertThat(standIn.awaitRequests(1, Duration.ofSeconds(5))).hasSize(1);
        assertThatThrownBy(() -> standIn.awaitRequests(2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2");
        late.join();
    }

    @Test
    void servesOnAnExistingServerUnderTheApiVersionContext() throws Exception {
        HttpServer shared =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shared.createContext("/2010-04-01", standIn);
        shared.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + shared.getAddress().getPort() + MESSAGES);
            assertThat(send(uri, TOKEN, "Body=hi").statusCode()).isEqualTo(201);
            assertThat(standIn.messages()).hasSize(1);
        } finally {
            shared.stop(0);
        }
    }

    private HttpResponse<String> post(String path, String token, String... formPairs) throws Exception {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < formPairs.length; i += 2) {
            fields.add(URLEncoder.encode(formPairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(formPairs[i + 1], StandardCharsets.UTF_8));
        }
        return send(URI.create(server.baseUrl() + path), token, String.join("&", fields));
    }

    private HttpResponse<String> send(URI uri, String token, String form) throws Exception {
        String auth = Base64.getEncoder().encodeToString((SID + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
