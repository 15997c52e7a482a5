package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Account Console as its single-page app talks to the server: it signs in through client {@code account-console}
 * (authorization code with PKCE, as the app does), then reads the account REST API and the console's translations
 * ({@code /resources/<realm>/account/<language>}) with the user's token.
 */
public final class AccountConsole {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[?&#]code=([^&]+)");

    private final String base;
    private final String realm;
    private final String token;

    private AccountConsole(String base, String realm, String token) {
        this.base = base;
        this.realm = realm;
        this.token = token;
    }

    /** The console's sign-in URL with a fresh PKCE pair: {@code [url, verifier]}. */
    public static String[] signInUrl(String base, String realm) throws Exception {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String url = base + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=account-console"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri(base, realm), StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&code_challenge=" + challenge + "&code_challenge_method=S256";
        return new String[] {url, verifier};
    }

    /** The console after a browser that opened {@code signInUrl} came back to it with a code. */
    public static AccountConsole afterSignIn(String base, String realm, FormBrowser browser, String verifier)
            throws Exception {
        Matcher code = CODE.matcher(browser.url());
        assertThat(browser.url()).as(browser.html()).startsWith(redirectUri(base, realm));
        assertThat(code.find()).as(browser.url()).isTrue();
        String form = "grant_type=authorization_code&client_id=account-console&code=" + code.group(1)
                + "&code_verifier=" + verifier
                + "&redirect_uri=" + URLEncoder.encode(redirectUri(base, realm), StandardCharsets.UTF_8);
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new AccountConsole(base, realm, JSON.readTree(token.body()).path("access_token").asText());
    }

    /** What the console's first screen loads; 200 when the user may use the console at all. */
    public HttpResponse<String> account() throws Exception {
        return get(base + "/realms/" + realm + "/account/?userProfileMetadata=true");
    }

    /** The "Signing in" page's data: the credential types with the user's credentials. */
    public JsonNode credentials() throws Exception {
        HttpResponse<String> response = get(base + "/realms/" + realm + "/account/credentials");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The console's translations for {@code language}, as key to text. */
    public Map<String, String> messages(String language) throws Exception {
        HttpResponse<String> response = get(base + "/resources/" + realm + "/account/" + language);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, String> messages = new HashMap<>();
        for (JsonNode entry : JSON.readTree(response.body())) {
            messages.put(entry.path("key").asText(), entry.path("value").asText());
        }
        return messages;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String redirectUri(String base, String realm) {
        return base + "/realms/" + realm + "/account/";
    }
}
