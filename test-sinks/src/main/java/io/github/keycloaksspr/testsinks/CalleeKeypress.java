package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Twilio does when the callee of a call with {@code <Gather action="…">} presses a key: it posts the call's
 * parameters and the digit to the action URL, signed with the account's auth token ({@code X-Twilio-Signature}:
 * Base64 of HMAC-SHA1 over the URL followed by every parameter name and value, sorted by name), and plays the TwiML
 * the server answers.
 */
public final class CalleeKeypress {

    private static final Pattern ACTION = Pattern.compile("<Gather[^>]*\\saction=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authToken;

    public CalleeKeypress(String authToken) {
        this.authToken = authToken;
    }

    /** The action URL the call's TwiML waits on, if it asks for a key. */
    public static java.util.Optional<String> actionOf(RecordedTwilioRequest call) {
        Matcher action = call.twiml() == null ? null : ACTION.matcher(call.twiml());
        return action != null && action.find() ? java.util.Optional.of(unescape(action.group(1)))
                : java.util.Optional.empty();
    }

    /** Presses {@code digit} on {@code call}: the server's answer (TwiML) and its HTTP status. */
    public HttpResponse<String> press(RecordedTwilioRequest call, String digit)
            throws IOException, InterruptedException {
        String url = actionOf(call).orElseThrow(() -> new IllegalStateException("the call asks for no key"));
        Map<String, String> form = new TreeMap<>(Map.of("AccountSid", call.accountSid(),
                "CallSid", call.providerSid() == null ? "CA0" : call.providerSid(), "Digits", digit,
                "From", call.from(), "To", call.to(), "CallStatus", "in-progress"));
        return post(url, form, sign(url, form));
    }

    /** Posts {@code form} to {@code url} with {@code signature} (null: none), as an attacker would try. */
    public HttpResponse<String> post(String url, Map<String, String> form, String signature)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String sign(String url, Map<String, String> form) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
