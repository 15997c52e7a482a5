package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException.Reason;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.junit.jupiter.api.Test;

class BoundedTwilioHttpClientTest {

    private final BoundedTwilioHttpClient client = new BoundedTwilioHttpClient(
            URI.create("http://127.0.0.1:8089/prefix"), Duration.ofSeconds(1), Duration.ofSeconds(1));

    @Test
    void twilioHostIsReplacedAndPathAndQueryKept() {
        Request request = new Request(HttpMethod.GET, "api", "/2010-04-01/Accounts/AC1/Messages.json");
        request.addQueryParam("PageSize", "20");

        assertThat(client.targetOf(request)).hasToString(
                "http://127.0.0.1:8089/prefix/2010-04-01/Accounts/AC1/Messages.json?PageSize=20");
    }

    @Test
    void regionalTwilioHostIsReplacedToo() {
        Request request = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Calls.json", "ie1");

        assertThat(client.targetOf(request)).hasToString("http://127.0.0.1:8089/prefix/2010-04-01/Accounts/AC1/Calls.json");
    }

    @Test
    void nonTwilioUrlIsRefusedSoCredentialsStayHome() {
        Request request = new Request(HttpMethod.GET, "https://example.org/steal");

        assertThatIllegalStateException().isThrownBy(() -> client.targetOf(request));
    }

    @Test
    void sendsOnceAndKeepsNoCopyOfTheRequest() {
        TwilioApiStandIn standIn = TwilioApiStandIn.requiringCredentials("AC1", "token");
        try (LoopbackServer server = standIn.startOn(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            BoundedTwilioHttpClient toStandIn = new BoundedTwilioHttpClient(
                    server.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));

            Response accepted = toStandIn.reliableRequest(smsRequest());
            standIn.failNext(503);
            TwilioExchangeFailure failure = catchThrowableOfType(TwilioExchangeFailure.class,
                    () -> toStandIn.reliableRequest(smsRequest()));

            assertThat(accepted.getStatusCode()).isEqualTo(201);
            assertThat(accepted.getHeaders()).isNotNull();
            assertThat(failure.toDeliveryException("SMS").reason()).isEqualTo(Reason.PROVIDER_ERROR);
            assertThat(standIn.requests()).hasSize(2);
            assertThat(toStandIn.getLastRequest()).isNull();
            assertThat(toStandIn.getLastResponse()).isNull();
        }
    }

    private static Request smsRequest() {
        Request request = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
        request.setAuth("AC1", "token");
        request.addPostParam("To", "+4915112345678");
        request.addPostParam("From", "+15005550006");
        request.addPostParam("Body", "hello");
        return request;
    }
}
