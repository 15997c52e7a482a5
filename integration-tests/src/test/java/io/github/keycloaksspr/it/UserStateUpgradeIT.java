package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AccountApi;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.Totp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A deployment that ran an earlier release installs this one: its users carry the state those releases kept in user
 * attributes ({@code sspr.confirmedAt}, {@code sspr.promptedAt}, {@code sspr.vettedUntil},
 * {@code sspr.vettedCredentials}). Nothing of it is lost (at sign-in, in the reset, in the coverage), and a user who
 * can write attributes afterwards changes nothing with them. (The attributes stay for one release: the older nodes of
 * a rolling upgrade still read them.)
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserStateUpgradeIT {

    static final String REALM = "sspr-upgrade";
    static final String PASSWORD = "Upgrade-Passw0rd!";
    static final String PAGE_TITLE = "Keep your account recoverable";
    static final List<String> STATE_ATTRIBUTES = List.of("sspr.confirmedAt", "sspr.promptedAt", "sspr.vettedUntil",
            "sspr.vettedCredentials");
    static final Instant NOW = Instant.now();
    static final Map<String, String> SECRETS = Map.of("una", "upgrade-secret-una-00001",
            "uwe", "upgrade-secret-uwe-00001", "vic", "upgrade-secret-vic-00001");
    static final String VETTED_APP_ID = "3f0c1c53-6a53-4c1e-9a55-0c6f2a1d7e01";

    private static final java.util.Set<String> signedInWithApp = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @InjectRealm(config = UpgradeRealm.class)
    ManagedRealm realm;

    /** The test app's redirect target: signing in ends there. */
    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    /** Confirmed ten days ago: no prompt at sign-in. */
    @Test
    @Order(1)
    void aConfirmationCarriesOverAtSignIn() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));

        FormBrowser una = signIn("una", PASSWORD);

        assertThat(TestAppLogin.signedIn(una)).as(una.html()).isTrue();
    }

    /** First asked thirty days ago with fourteen days' grace: the prompt comes without "Not now". */
    @Test
    @Order(2)
    void aGracePeriodCarriesOverAtSignIn() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));

        FormBrowser ida = signIn("ida", PASSWORD);
        FormBrowser ivo = signIn("ivo", PASSWORD);

        assertThat(ida.textOf("sspr-page-title")).isEqualTo(PAGE_TITLE);
        assertThat(ida.html()).as("the grace period ran out before the upgrade").doesNotContain("sspr-skip");
        assertThat(ivo.textOf("sspr-page-title")).isEqualTo(PAGE_TITLE);
        assertThat(ivo.html()).as("never asked before: the grace period starts now").contains("sspr-skip");
    }

    /**
     * Seen first a day ago: an app set up an hour ago with the password alone proves nothing, one set up through the
     * security-info page does, after the user's first sign-in under the new release moved the record.
     */
    @Test
    @Order(3)
    void vettingCarriesOverAtSignIn() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));
        assertThat(TestAppLogin.signedIn(signIn("uwe", PASSWORD))).isTrue();
        assertThat(TestAppLogin.signedIn(signIn("vic", PASSWORD))).isTrue();

        String uwe = new ResetJourney(urls.getBase(), REALM).start().chooseAccount("uwe").html();
        String vic = new ResetJourney(urls.getBase(), REALM).start().chooseAccount("vic").html();

        assertThat(uwe).as("uwe's late app").contains("sspr-method-sspr-sms").doesNotContain("sspr-method-sspr-totp");
        assertThat(vic).as("vic's app set up on the page").contains("sspr-method-sspr-totp");
    }

    /** Users who never signed in since the upgrade: the coverage moves and counts their records. */
    @Test
    @Order(4)
    void theCoverageCountsWhatUsersNeverSignedInForCarried() throws Exception {
        JsonNode coverage = new SsprAdminApi(urls.getBase(), REALM, adminClient).get("insights").get("registration");

        // una, vic and uwe confirmed at sign-in or before; cleo confirmed five days ago and never signed in since;
        // old confirmed 200 days ago (out of the 180-day period).
        assertThat(coverage.get("confirmed").asLong()).isEqualTo(4);
        assertThat(coverage.at("/byMethod/sspr-totp").asLong()).as("una's early app and vic's vetted one").isEqualTo(2);
    }

    /**
     * Afterwards the realm lets users write unmanaged attributes: uwe writes the old names (a first sight far ahead,
     * his app as vetted) through the account REST API, and old, whose confirmation expired, puts the prompt off and
     * writes a fresh confirmation. They are stored, and count for nothing.
     */
    @Test
    @Order(5)
    void writingTheOldAttributesAfterwardsChangesNothing() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig open = realm.admin().users().userProfile().getConfiguration();
        open.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        realm.admin().users().userProfile().update(open);
        realm.cleanup().add(r -> r.users().userProfile().update(original));

        FormBrowser old = signIn("old", PASSWORD);
        assertThat(old.textOf("sspr-page-title")).as("old's confirmation expired").isEqualTo(PAGE_TITLE);
        assertThat(TestAppLogin.signedIn(old.submit(Map.of("action", "skip")))).as("put off").isTrue();
        String appId = RegistrationAdmin.credentialId(realm, "uwe", "otp");
        FormBrowser uwe = signIn("uwe", PASSWORD);
        assertThat(AccountApi.signedIn(urls.getBase(), REALM, uwe).writeOwnAttributes(Map.of(
                "sspr.vettedCredentials", List.of(appId),
                "sspr.vettedUntil", List.of(Long.toString(Long.MAX_VALUE / 2))))).isEqualTo(204);
        assertThat(AccountApi.signedInPuttingOffSecurityInfo(urls.getBase(), REALM, old).writeOwnAttributes(Map.of(
                "sspr.confirmedAt", List.of(Long.toString(Instant.now().getEpochSecond()))))).isEqualTo(204);
        assertThat(stateAttributes("uwe")).as("stored").contains("sspr.vettedCredentials", "sspr.vettedUntil");

        String reset = new ResetJourney(urls.getBase(), REALM).start().chooseAccount("uwe").html();
        FormBrowser oldAgain = signIn("old", PASSWORD);

        assertThat(reset).as("uwe's late app").contains("sspr-method-sspr-sms").doesNotContain("sspr-method-sspr-totp");
        assertThat(oldAgain.textOf("sspr-page-title")).as("old's own confirmation").isEqualTo(PAGE_TITLE);
    }

    /** The password, then the app's code where the realm's browser flow asks for it (users with an app). */
    private FormBrowser signIn(String username, String password) throws Exception {
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), REALM, username, password);
        String secret = SECRETS.get(username);
        if (secret == null) {
            return browser;
        }
        // Keycloak takes a code once: a second sign-in gives the next one (within its look-around window).
        boolean again = !signedInWithApp.add(username);
        return browser.submit(Map.of("otp", again ? Totp.next(secret) : Totp.now(secret)));
    }

    private List<String> stateAttributes(String username) {
        Map<String, List<String>> attributes = realm.admin().users()
                .get(RegistrationAdmin.userId(realm, username)).toRepresentation().getAttributes();
        return attributes == null ? List.of()
                : attributes.keySet().stream().filter(STATE_ATTRIBUTES::contains).toList();
    }

    public static final class UpgradeRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            long seenADayAgo = NOW.minus(Duration.ofDays(1)).toEpochMilli();
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-totp",
                            "sspr.methods.required", "1"))
                    .users(person("una").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(10)))
                                    .attribute("sspr.vettedUntil", Long.toString(seenADayAgo))
                                    .credential(SeededCredentials.authenticatorApp(SECRETS.get("una"),
                                            NOW.minus(Duration.ofDays(2)).toEpochMilli())),
                            person("ida").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(200)))
                                    .attribute("sspr.promptedAt", secondsAgo(Duration.ofDays(30))),
                            person("ivo").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(200))),
                            person("uwe").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(1)))
                                    .attribute("sspr.vettedUntil", Long.toString(seenADayAgo))
                                    .credential(SeededCredentials.authenticatorApp(SECRETS.get("uwe"),
                                            NOW.minus(Duration.ofHours(1)).toEpochMilli())),
                            person("vic").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(1)))
                                    .attribute("sspr.vettedUntil", Long.toString(seenADayAgo))
                                    .attribute("sspr.vettedCredentials", VETTED_APP_ID)
                                    .credential(withId(SeededCredentials.authenticatorApp(SECRETS.get("vic"),
                                            NOW.minus(Duration.ofHours(1)).toEpochMilli()))),
                            person("cleo").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(5))),
                            person("old").attribute("sspr.confirmedAt", secondsAgo(Duration.ofDays(200))));
        }

        private static UserBuilder person(String username) {
            return UserBuilder.create(username).email(username + "@upgrade.example").emailVerified(true)
                    .name(username, "Example").password(PASSWORD).enabled(true)
                    .realmRoles("default-roles-" + REALM)
                    .credential(SeededCredentials.mobilePhone("+4917000007" + String.format("%03d",
                            Math.abs(username.hashCode()) % 1000)));
        }

        private static CredentialRepresentation withId(CredentialRepresentation credential) {
            credential.setId(VETTED_APP_ID);
            return credential;
        }

        private static String secondsAgo(Duration ago) {
            return Long.toString(NOW.minus(ago).getEpochSecond());
        }
    }
}
