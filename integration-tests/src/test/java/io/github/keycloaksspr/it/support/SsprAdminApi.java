package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;

/** The pack's admin REST API, {@code /admin/realms/{realm}/sspr/...}, called with the test framework's admin token. */
public final class SsprAdminApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Keycloak adminClient;

    public SsprAdminApi(String keycloakBaseUrl, String realm, Keycloak adminClient) {
        this.baseUrl = keycloakBaseUrl + "/admin/realms/" + realm + "/sspr/";
        this.adminClient = adminClient;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    /** GET {@code path} as JSON; fails unless the answer is 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** DELETE {@code path}; fails unless the answer is 200; the JSON answer. */
    public JsonNode delete(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .header("Accept", "application/json").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    /** GET {@code path} accepting {@code mediaType}; any status. */
    public HttpResponse<String> send(String path, String mediaType) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + adminClient.tokenManager().getAccessTokenString())
                .header("Accept", mediaType).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
