package io.github.keycloaksspr.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a realm's password-expiry reminders now, as the daily run would: {@code POST …/sspr-reminders/run}. */
public final class ReminderRuns {

    private ReminderRuns() {
    }

    /** The request, for timing it. */
    public static HttpRequest request(String keycloakBaseUrl, String realm, String adminToken) {
        return HttpRequest.newBuilder(URI.create(keycloakBaseUrl + "/admin/realms/" + realm + "/sspr-reminders/run"))
                .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /** How many users the run reminded. */
    public static int run(String keycloakBaseUrl, String realm, String adminToken) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request(keycloakBaseUrl, realm, adminToken),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("reminded").asInt();
    }
}
