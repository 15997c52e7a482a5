package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Account Console's REST API ({@code /realms/{realm}/account/credentials}) as the console calls it: with the
 * console's bearer token for the signed-in user.
 */
public final class AccountApi {

    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSOLE_CLIENT = "account-console";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String realmUrl;
    private final String accessToken;

    private AccountApi(String realmUrl, String accessToken) {
        this.realmUrl = realmUrl;
        this.accessToken = accessToken;
    }

    /**
     * Signs in to the Account Console's own client ({@code account-console}, public, PKCE) with the browser's existing
     * session, as opening the console does, and redeems the code for the console's bearer token.
     */
    public static AccountApi signedIn(String keycloakBaseUrl, String realm, FormBrowser browser)
            throws IOException, InterruptedException {
        return signedIn(keycloakBaseUrl, realm, browser, false);
    }

    /** As {@link #signedIn}, putting off ("Not now") the security-info page where it comes up on the way. */
    public static AccountApi signedInPuttingOffSecurityInfo(String keycloakBaseUrl, String realm, FormBrowser browser)
            throws IOException, InterruptedException {
        return signedIn(keycloakBaseUrl, realm, browser, true);
    }

    private static AccountApi signedIn(String keycloakBaseUrl, String realm, FormBrowser browser,
                                       boolean putOffSecurityInfo) throws IOException, InterruptedException {
        String realmUrl = keycloakBaseUrl + "/realms/" + realm;
        String redirectUri = realmUrl + "/account/";
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        browser.open(realmUrl + "/protocol/openid-connect/auth?client_id=" + CONSOLE_CLIENT
                + "&response_type=code&response_mode=query&scope=openid&redirect_uri=" + encode(redirectUri)
                + "&code_challenge_method=S256&code_challenge=" + challenge);
        if (putOffSecurityInfo && browser.html().contains("id=\"sspr-skip\"")) {
            browser.submit(Map.of("action", "skip"));
        }
        Matcher code = CODE.matcher(browser.url());
        if (!code.find()) {
            throw new AssertionError("the console did not get a code: " + browser.url());
        }
        String form = "grant_type=authorization_code&client_id=" + CONSOLE_CLIENT
                + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + verifier
                + "&code=" + encode(URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        AccountApi unauthenticated = new AccountApi(realmUrl, null);
        HttpResponse<String> response = unauthenticated.http.send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.statusCode() + " " + response.body());
        }
        return new AccountApi(realmUrl, JSON.readTree(response.body()).get("access_token").asText());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code GET /account/credentials}: one entry per credential type, with its metadata and the user's credentials. */
    public JsonNode credentialTypes() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(authorized(realmUrl + "/account/credentials").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("credentials request failed: " + response.statusCode() + " " + response.body()
                    + " " + response.headers().firstValue("WWW-Authenticate").orElse("") + " token claims: "
                    + new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }

    /**
     * Writes the user's own attributes through {@code POST /account/} as the console's personal-info page does (the
     * realm's user profile decides what a user may write); returns the HTTP status.
     */
    public int writeOwnAttributes(Map<String, List<String>> attributes) throws IOException, InterruptedException {
        HttpResponse<String> me = http.send(authorized(realmUrl + "/account/").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode account = (ObjectNode) JSON.readTree(me.body());
        ObjectNode written = account.has("attributes") && account.get("attributes").isObject()
                ? (ObjectNode) account.get("attributes") : account.putObject("attributes");
        attributes.forEach((name, values) -> {
            ArrayNode list = written.putArray(name);
            values.forEach(list::add);
        });
        return http.send(authorized(realmUrl + "/account/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Changes the user's own email through {@code POST /account/}, as the console's personal-info page does. */
    public int changeOwnEmail(String email) throws IOException, InterruptedException {
        HttpResponse<String> me = http.send(authorized(realmUrl + "/account/").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        ObjectNode account = (ObjectNode) JSON.readTree(me.body());
        account.put("email", email);
        return http.send(authorized(realmUrl + "/account/").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(account))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The entry of one credential type, or a missing node. */
    public JsonNode credentialType(String type) throws IOException, InterruptedException {
        for (JsonNode entry : credentialTypes()) {
            if (type.equals(entry.path("type").asText())) {
                return entry;
            }
        }
        return MissingNode.getInstance();
    }

    /** {@code DELETE /account/credentials/{id}}; returns the HTTP status. */
    public int remove(String credentialId) throws IOException, InterruptedException {
        return http.send(authorized(realmUrl + "/account/credentials/" + credentialId).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder authorized(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
    }
}
