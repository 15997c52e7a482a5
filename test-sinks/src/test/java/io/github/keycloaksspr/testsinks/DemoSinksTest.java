package io.github.keycloaksspr.testsinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoSinksTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private DemoSinks sinks;

    @BeforeEach
    void start() {
        sinks = DemoSinks.start(new DemoPorts(0, 0, 0), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        sinks.close();
    }

    @Test
    void showsMailAndSmsEscapedNewestFirstAndPrintsThem() throws Exception {
        GreenMailUtil.sendTextEmail("alice@example.org", "sspr@example.org", "Reset <your> password",
                "Your code is 424242", sinks.mail().getSmtp().getServerSetup());
        sendSms("+4915112345678", "Code <b>777</b>");

        String page = get(sinks.inboxUrl());

        assertThat(page)
                .contains("Reset &lt;your&gt; password", "Your code is 424242", "alice@example.org")
                .contains("Code &lt;b&gt;777&lt;/b&gt;", "+4915112345678")
                .doesNotContain("<b>777</b>");
        String mailLine = "[mail] to alice@example.org : Reset <your> password";
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!printed.toString(StandardCharsets.UTF_8).contains(mailLine) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[sms] to +4915112345678 : Code <b>777</b>")
                .contains(mailLine);
    }

    @Test
    void portsComeFromDefaultsPropertiesAndArguments() {
        Properties properties = new Properties();
        properties.setProperty("sspr.demo.twilio-port", "9000");

        assertThat(DemoPorts.from(new String[0], new Properties())).isEqualTo(new DemoPorts(3025, 8089, 8090));
        assertThat(DemoPorts.from(new String[] {"--smtp-port", "2525", "--inbox-port=9090"}, properties))
                .isEqualTo(new DemoPorts(2525, 9000, 9090));
        assertThatIllegalArgumentException().isThrownBy(() -> DemoPorts.from(new String[] {"--pop-port", "1"}, properties));
        assertThatIllegalArgumentException().isThrownBy(() -> DemoPorts.from(new String[] {"--smtp-port", "x"}, properties));
    }

    private void sendSms(String to, String body) throws Exception {
        String form = "To=" + URLEncoder.encode(to, StandardCharsets.UTF_8)
                + "&From=%2B15005550006&Body=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(sinks.twilioBaseUrl() + "/2010-04-01/Accounts/ACdemo/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ACdemo:any".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
