package io.github.keycloaksspr.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The help desk's API as an agent calls it: a token by password grant ({@code admin-cli}), then bearer calls. */
public final class HelpDeskApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String realmUrl;
    private final String token;

    private HelpDeskApi(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    /** Signs the agent in (Keycloak's token endpoint) and keeps the access token. */
    public static HelpDeskApi as(String baseUrl, String realm, String username, String password) throws Exception {
        String realmUrl = baseUrl + "/realms/" + realm;
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.body());
        }
        return new HelpDeskApi(realmUrl, new ObjectMapper().readTree(response.body()).get("access_token").asText());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/sspr-helpdesk/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/sspr-helpdesk/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
