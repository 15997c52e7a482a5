package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keycloaksspr.it.support.AdFederation;
import io.github.keycloaksspr.it.support.SambaAd;
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

    static final String PIA_PASSWORD = "Pia-Passw0rd!2026";

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
        // Whether users may write their office phone depends on the user sampled: the next test pins it down.
        assertThat(good.path("warnings").toString().replace("\"office_phone_user_writable\"", ""))
                .isEqualTo("[]");
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
        assertThat(readOnly.path("warnings").toString().replace(",\"office_phone_user_writable\"", ""))
                .isEqualTo("[\"read_only\"]");
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

    /**
     * Whether users may write their own office phone, as the directory tells: by default a user binds with their own
     * password and rewrites their {@code telephoneNumber} (the attack the report warns of); once the admin denies it
     * (dsacls), the report says so and the same write is refused.
     */
    @Test
    void reportsWhetherUsersCanWriteTheirOwnOfficePhone() throws Exception {
        SambaAd ad = SambaAd.connect();
        String unit = ad.createOrganizationalUnit("Phones" + System.nanoTime() % 100_000);
        String name = "pia" + System.nanoTime() % 100_000;
        String pia = "CN=" + name + "," + unit;
        ad.createUser(pia, name, PIA_PASSWORD, "Pia", "Example", name + "@example.test");
        AdFederation.federate(realm, "ad-phones", Map.of("usersDn", unit, "importEnabled", "false",
                "syncRegistrations", "false"));

        JsonNode writable = provider(health(), "ad-phones");
        assertThat(writable.at("/officePhone/userWritable").asText()).isEqualTo("allowed");
        assertThat(writable.at("/officePhone/sampleUser").asText()).startsWith("pia");
        assertThat(writable.path("warnings").toString()).contains("office_phone_user_writable");
        assertThat(ad.userWritesOwnAttribute(pia, PIA_PASSWORD, "telephoneNumber", "+15550100001"))
                .as("Pia points her office phone at a number of her choosing").isTrue();

        ad.addAccessControlEntry(pia, "(OD;;WP;bf967a49-0de6-11d0-a285-00aa003049e2;;PS)");

        JsonNode denied = provider(health(), "ad-phones");
        assertThat(denied.at("/officePhone/userWritable").asText()).isEqualTo("denied");
        assertThat(denied.path("warnings").toString()).doesNotContain("office_phone_user_writable");
        assertThat(ad.userWritesOwnAttribute(pia, PIA_PASSWORD, "telephoneNumber", "+15550100002")).isFalse();
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
