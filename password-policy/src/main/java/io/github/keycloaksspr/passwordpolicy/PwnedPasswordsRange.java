package io.github.keycloaksspr.passwordpolicy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The k-anonymity range API of Have I Been Pwned's Pwned Passwords (or any service that speaks it): only the first 5
 * hex digits of the password's SHA-1 leave the server, the service answers every suffix it knows under that prefix
 * ({@code SUFFIX:COUNT} lines, padded with zero-count entries so that the answer's size says nothing), and the match
 * is made here. One HTTP client per server; every check is bounded by the timeout as a whole.
 */
final class PwnedPasswordsRange {

    private static final String USER_AGENT = "keycloak-sspr";
    private static final int PREFIX_LENGTH = 5;

    private final URI apiBaseUrl;
    private final Duration timeout;
    private final HttpClient http;

    PwnedPasswordsRange(URI apiBaseUrl, Duration timeout) {
        this.apiBaseUrl = apiBaseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    URI apiBaseUrl() {
        return apiBaseUrl;
    }

    Duration timeout() {
        return timeout;
    }

    /** Whether the service lists the password; {@link Unavailable} when it did not answer in time or properly. */
    boolean isBreached(String password) throws Unavailable {
        String hash = sha1Hex(password);
        String base = apiBaseUrl.toString().replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/range/" + hash.substring(0, PREFIX_LENGTH)))
                .timeout(timeout).header("User-Agent", USER_AGENT).header("Add-Padding", "true").GET().build();
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Unavailable("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new Unavailable(e.getCause() == null ? "request failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("HTTP " + response.statusCode());
        }
        byte[] suffix = hash.substring(PREFIX_LENGTH).getBytes(StandardCharsets.US_ASCII);
        return response.body().lines().anyMatch(line -> listed(line, suffix));
    }

    private static boolean listed(String line, byte[] suffix) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return false;
        }
        byte[] candidate = line.substring(0, colon).strip().toUpperCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.US_ASCII);
        String count = line.substring(colon + 1).strip();
        // Padding entries have the count 0.
        return MessageDigest.isEqual(candidate, suffix) && !count.isEmpty() && !count.matches("0+");
    }

    static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** The service could not be asked; the message names no password or hash. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }
}
