package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keycloaksspr.it.support.AdFederation;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * {@code GET /admin/realms/{realm}/sspr/health} against the real Samba AD: a good provider (LDAPS, WRITABLE) binds
 * and is ready; a READ_ONLY one and one on plain ldap:// are reported with their warnings.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class WritebackHealthIT {

    @InjectRealm(config = HealthRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void reportsAGoodProviderAndWarnsAboutOnesThatCannotWriteBack() throws Exception {
        AdFederation.federate(realm);
        JsonNode healthy = health();
        assertThat(healthy.path("ready").asBoolean()).isTrue();
        JsonNode good = provider(healthy, "active-directory");
        assertThat(good.path("vendor").asText()).isEqualTo("ad");
        assertThat(good.path("editMode").asText()).isEqualTo("WRITABLE");
        assertThat(good.path("encryptedTransport").asBoolean()).isTrue();
        assertThat(good.at("/bind/ok").asBoolean()).isTrue();
        assertThat(good.at("/bind/latencyMs").asDouble()).isPositive();
        assertThat(good.path("warnings")).isEmpty();
        // The rules the reset explains AD's refusals with: Samba's defaults, minimum age set to 0 by the test domain.
        JsonNode policy = good.path("passwordPolicy");
        assertThat(policy.path("readable").asBoolean()).isTrue();
        assertThat(policy.path("source").asText()).isEqualTo("DC=example,DC=test");
        assertThat(policy.path("minLength").asInt()).isEqualTo(7);
        assertThat(policy.path("complexity").asBoolean()).isTrue();
        assertThat(policy.path("historyLength").asInt()).isEqualTo(24);
        assertThat(policy.path("minAgeHours").asInt()).isZero();
        assertThat(policy.path("policyHints").asBoolean()).isFalse();
        assertThat(healthy.toString()).doesNotContain("Adm1n");

        AdFederation.federate(realm, "ad-read-only", Map.of("editMode", "READ_ONLY", "importEnabled", "false",
                "syncRegistrations", "false"));
        AdFederation.federate(realm, "ad-plain-ldap", Map.of("connectionUrl", "ldap://127.0.0.1:389",
                "importEnabled", "false", "syncRegistrations", "false"));
        JsonNode report = health();
        assertThat(report.path("ready").asBoolean()).isFalse();
        JsonNode readOnly = provider(report, "ad-read-only");
        assertThat(readOnly.path("warnings").toString()).isEqualTo("[\"read_only\"]");
        assertThat(readOnly.at("/bind/ok").asBoolean()).isTrue();
        assertThat(readOnly.path("ready").asBoolean()).isFalse();
        JsonNode plain = provider(report, "ad-plain-ldap");
        assertThat(plain.path("encryptedTransport").asBoolean()).isFalse();
        // Samba, like AD with LDAP signing required, refuses a simple bind without transport encryption.
        assertThat(plain.path("warnings").toString()).isEqualTo("[\"unencrypted_transport\",\"bind_failed\"]");
        assertThat(plain.at("/bind/ok").asBoolean()).isFalse();
        assertThat(plain.has("passwordPolicy")).as("not read without a working bind").isFalse();
        assertThat(provider(report, "active-directory").path("ready").asBoolean()).isTrue();
    }

    private static JsonNode provider(JsonNode report, String name) {
        for (JsonNode provider : report.path("providers")) {
            if (name.equals(provider.path("name").asText())) {
                return provider;
            }
        }
        throw new AssertionError("no provider " + name + " in " + report);
    }

    private JsonNode health() throws Exception {
        return new SsprAdminApi(urls.getBase(), realm.getName(), adminClient).get("health");
    }

    public static final class HealthRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-writeback-health"), Map.of());
        }
    }
}
