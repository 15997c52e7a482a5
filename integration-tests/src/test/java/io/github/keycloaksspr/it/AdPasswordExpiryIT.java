package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.keycloaksspr.it.support.AdFederation;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.SambaAd;
import io.github.keycloaksspr.it.support.ReminderRuns;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A user of the real AD hears that their password expires, from AD's own computed expiry (Samba's default maximum
 * password age is 42 days): the LDAP attribute mapper the admin guide shows imports
 * {@code msDS-UserPasswordExpiryTimeComputed}, and with Keycloak's clock 29 days on, the 14-day reminder goes to the
 * address AD holds, once, recorded as a reminder from the directory.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AdPasswordExpiryIT {

    static final String REALM = "sspr-ad-expiry";
    static final String USERNAME = "ad-pia";

    @InjectRealm(config = ExpiryRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private final SambaAd ad = SambaAd.connect();

    @Test
    void anAdUserIsRemindedFromAdsComputedExpiryOnce() throws Exception {
        ad.deleteUserIfPresent(USERNAME);
        ad.createUser(USERNAME, "Initial-Passw0rd!", "Pia", "Expiring", "pia@example.test");
        realm.cleanup().add(r -> ad.deleteUserIfPresent(USERNAME));
        String ldap = AdFederation.federate(realm);
        addExpiryMapper(ldap);
        realm.admin().userStorage().syncUsers(ldap, "triggerFullSync");

        String inAd = ad.attribute(USERNAME, "msDS-UserPasswordExpiryTimeComputed");
        assertThat(inAd).as("Samba computes the expiry").hasSize(18);
        assertThat(realm.admin().users().search(USERNAME, true).get(0).getAttributes())
                .as("imported as the guide shows").containsEntry("sspr-ad-password-expiry", List.of(inAd));
        assertThat(run()).as("42 days left").isZero();

        timeOffSet.set(Duration.ofDays(29).plusHours(1));
        int mails = new Inbox(mailServer).mailsTo("pia@example.test").size();
        assertThat(run()).as("13 days left: the 14-day reminder").isPositive();
        assertThat(run()).as("never twice").isZero();
        List<jakarta.mail.internet.MimeMessage> received = new Inbox(mailServer).awaitMailTo("pia@example.test",
                mails + 1);
        assertThat(MailContent.text(received.get(mails))).contains("The password of your account " + USERNAME
                + " expires on");

        List<String> rows = new ArrayList<>();
        for (JsonNode row : new SsprAdminApi(urls.getBase(), REALM, adminClient).get("audit?activity=reminder")) {
            rows.add(row.path("username").asText() + " " + row.path("step").asText() + " "
                    + row.path("reason").asText());
        }
        assertThat(rows).contains(USERNAME + " 14 directory");
    }

    /** What the admin guide tells admins to add: AD's computed expiry into the attribute the reminders read. */
    private void addExpiryMapper(String ldap) {
        ComponentRepresentation mapper = new ComponentRepresentation();
        mapper.setName("password expiry");
        mapper.setProviderId("user-attribute-ldap-mapper");
        mapper.setProviderType("org.keycloak.storage.ldap.mappers.LDAPStorageMapper");
        mapper.setParentId(ldap);
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        Map.of("user.model.attribute", "sspr-ad-password-expiry",
                "ldap.attribute", "msDS-UserPasswordExpiryTimeComputed",
                "read.only", "true",
                "always.read.value.from.ldap", "false",
                "is.mandatory.in.ldap", "false",
                "is.binary.attribute", "false").forEach(config::putSingle);
        mapper.setConfig(config);
        try (Response response = realm.admin().components().add(mapper)) {
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(201);
        }
    }

    private int run() throws Exception {
        return ReminderRuns.run(urls.getBase(), REALM, adminClient.tokenManager().getAccessTokenString());
    }

    public static final class ExpiryRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-email##sspr-sms",
                            "sspr.methods.required", "1"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")));
        }
    }
}
