package io.github.keycloaksspr.core.phone;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.twilio.Twilio;
import com.twilio.constant.EnumConstants;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException.Reason;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * The Twilio SDK's transport, on {@code java.net.http}.
 *
 * <p>Why not the SDK's own {@code NetworkHttpClient}: it resets every request to a 30.5 s connect
 * timeout and retries each 5xx three times. Here every request has a real connect and answer
 * timeout, is sent exactly once, and goes to {@code apiBaseUrl} (Twilio itself in production, a
 * local stand-in in tests and demos) with the SDK's path and query kept.
 *
 * <p>Every non-2xx answer and every transport error leaves as a {@link TwilioExchangeFailure}.
 */
final class BoundedTwilioHttpClient extends HttpClient {

    private static final String USER_AGENT = "twilio-java/" + Twilio.VERSION + " keycloak-sspr";
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String apiBaseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final java.net.http.HttpClient http;

    BoundedTwilioHttpClient(URI apiBaseUrl, Duration connectTimeout, Duration requestTimeout) {
        this.apiBaseUrl = apiBaseUrl.toString();
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * One attempt, never a retry: the SDK's default retries a 5xx three times, and a 5xx does not
     * prove the SMS or call was not sent, so a retry can reach the user several times. (Throwing on
     * non-2xx in {@link #makeRequest} already ends the base class's retry loop; this override does not
     * rely on that.) Skipping the base class also keeps it from holding the last request, with
     * credentials and text, in {@code lastRequest}.
     */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpResponse<String> answer = exchange(toJdkRequest(request));
        if (answer.statusCode() < 200 || answer.statusCode() > 299) {
            throw TwilioExchangeFailure.errorAnswer(answer.statusCode(), answer.body());
        }
        return new Response(answer.body(), answer.statusCode(), headersOf(answer));
    }

    /** Twilio's URL with scheme, host and port replaced by the configured base; path and query kept. */
    URI targetOf(Request request) {
        URL sdkUrl = request.constructURL();
        String host = sdkUrl.getHost().toLowerCase(Locale.ROOT);
        // Only Twilio's own URLs are rewritten; anything else would send the credentials elsewhere.
        if (!host.equals("twilio.com") && !host.endsWith(".twilio.com")) {
            throw new IllegalStateException("Twilio SDK produced a non-Twilio URL, host " + host);
        }
        String query = sdkUrl.getQuery();
        return URI.create(apiBaseUrl + sdkUrl.getPath() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    private HttpRequest toJdkRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(targetOf(request))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaderParams().entrySet()) {
            if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        HttpMethod method = request.getMethod();
        boolean hasBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        BodyPublisher body = BodyPublishers.noBody();
        if (hasBody && request.getContentType() == EnumConstants.ContentType.JSON) {
            builder.header("Content-Type", "application/json");
            body = BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody(), StandardCharsets.UTF_8);
        } else if (hasBody) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
            body = BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8);
        }
        return builder.method(method.name(), body).build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw TwilioExchangeFailure.transport(Reason.UNREACHABLE,
                    "no connection to " + apiBaseUrl + " within " + connectTimeout.toMillis() + " ms; nothing was sent", e);
        } catch (HttpTimeoutException e) {
            throw TwilioExchangeFailure.transport(Reason.TIMEOUT,
                    "no answer within " + requestTimeout.toMillis() + " ms; it may still be delivered", e);
        } catch (ConnectException e) {
            throw TwilioExchangeFailure.transport(Reason.UNREACHABLE,
                    "could not connect to " + apiBaseUrl + " (" + describe(e) + "); nothing was sent", e);
        } catch (IOException e) {
            throw TwilioExchangeFailure.transport(Reason.PROVIDER_ERROR,
                    "the connection to " + apiBaseUrl + " failed during the request (" + describe(e)
                            + "); it may still be delivered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TwilioExchangeFailure.transport(Reason.TIMEOUT,
                    "interrupted while waiting for the answer; it may still be delivered", e);
        }
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    // The SDK reads response headers when debug logging is on and fails on null, so always pass an array.
    private static Header[] headersOf(HttpResponse<?> answer) {
        return answer.headers().map().entrySet().stream()
                .flatMap(header -> header.getValue().stream().map(value -> new BasicHeader(header.getKey(), value)))
                .toArray(Header[]::new);
    }
}
