package io.github.keycloaksspr.core.phone;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and as whom {@link TwilioPhoneSender} talks to Twilio, and how long it may wait.
 *
 * @param accountSid     the account SID, also the Basic-auth user
 * @param authToken      the auth token: a secret, never shown by {@link #toString()}
 * @param fromNumber     the Twilio number that sends SMS and places calls, in E.164 form
 * @param apiBaseUrl     scheme, host and optional path prefix that replace {@code https://api.twilio.com};
 *                       a local stand-in in tests and demos
 * @param connectTimeout how long to wait for the TCP/TLS connection
 * @param requestTimeout how long to wait for Twilio's answer to one request
 */
public record TwilioSettings(
        String accountSid,
        String authToken,
        String fromNumber,
        URI apiBaseUrl,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final URI DEFAULT_API_BASE_URL = URI.create("https://api.twilio.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public TwilioSettings {
        requireCredential(accountSid, "account SID");
        requireCredential(authToken, "auth token");
        if (accountSid.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Twilio account SID must not contain ':' (it is the Basic-auth user)");
        }
        if (!PhoneNumbers.isE164(fromNumber)) {
            throw new IllegalArgumentException("Twilio sender number must be in E.164 form, e.g. +15005550006");
        }
        apiBaseUrl = normalizedBaseUrl(apiBaseUrl);
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(requestTimeout, "request timeout");
    }

    /** Settings for the real Twilio API with the default timeouts. */
    public static TwilioSettings of(String accountSid, String authToken, String fromNumber) {
        return new TwilioSettings(accountSid, authToken, fromNumber,
                DEFAULT_API_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public TwilioSettings withApiBaseUrl(String baseUrl) {
        return new TwilioSettings(accountSid, authToken, fromNumber, parseUrl(baseUrl), connectTimeout, requestTimeout);
    }

    public TwilioSettings withTimeouts(Duration connect, Duration request) {
        return new TwilioSettings(accountSid, authToken, fromNumber, apiBaseUrl, connect, request);
    }

    @Override
    public String toString() {
        return "TwilioSettings[accountSid=" + accountSid
                + ", authToken=(hidden)"
                + ", fromNumber=" + fromNumber
                + ", apiBaseUrl=" + apiBaseUrl
                + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    // Messages name the setting, never its value: the value may be the token.
    private static void requireCredential(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Twilio " + name + " must not be blank");
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Twilio " + name + " must not contain whitespace");
        }
    }

    private static void requirePositive(Duration timeout, String name) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("Twilio " + name + " must be positive");
        }
    }

    private static URI parseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "Twilio API base URL");
        try {
            return new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            // The reason only: the input could hold credentials someone pasted into it.
            throw new IllegalArgumentException("Twilio API base URL is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static URI normalizedBaseUrl(URI url) {
        if (url == null) {
            throw new IllegalArgumentException("Twilio API base URL must not be null");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("Twilio API base URL must be an http(s) URL");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("Twilio API base URL must name a host");
        }
        // Credentials, query or fragment in the base would be silently mixed into every request.
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("Twilio API base URL must be scheme, host, port and path only");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + url.getRawAuthority() + path);
    }
}
