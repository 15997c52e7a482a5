package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AdSelfService;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SambaAd;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The new-password step against the real AD (Samba's default policy: at least 7 characters, complexity on): AD's
 * refusals are explained by the rule broken and change nothing; an AD outage while the password is written changes
 * nothing and says so; the audit trail records the directory's reason.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AdPasswordRulesIT {

    static final String USERNAME = "ad-rita";
    static final String AD_PASSWORD = "Initial-Passw0rd!";
    static final String NEW_PASSWORD = "Second-Good-Passw0rd!";
    static final String GENERIC_KEYCLOAK_MESSAGE = "does not match password policies";

    @InjectRealm(config = RulesRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    org.keycloak.admin.client.Keycloak adminClient;

    private final SambaAd ad = SambaAd.connect();
    private AdSelfService user;

    @BeforeEach
    void newAdUserFederated() {
        user = AdSelfService.newAdUser(ad, realm, urls.getBase(), USERNAME, AD_PASSWORD, "Rita", "Rules");
        RegistrationAdmin.enableRegistration(realm, Map.of());
    }

    @Test
    void adRefusalsNameTheBrokenRuleAndKeepTheOldPassword() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000111");
            ResetJourney journey = user.verifiedBySms(twilio, 2);
            assertThat(journey.fieldNames()).contains("password-new", "password-confirm");

            journey.setNewPassword("Sh0rt!");
            assertThat(journey.html()).contains("it must be at least 7 characters long")
                    .contains("Your old password still works").doesNotContain(GENERIC_KEYCLOAK_MESSAGE);
            assertThat(journey.fieldNames()).as("the user can try again").contains("password-new");

            journey.setNewPassword("only lower case letters");
            assertThat(journey.html()).contains("it must contain characters from three of these groups")
                    .doesNotContain("at least 7 characters").doesNotContain(GENERIC_KEYCLOAK_MESSAGE);

            assertThat(RealmEvents.ofTypes(realm, "UPDATE_CREDENTIAL_ERROR"))
                    .as("Samba's answer to each rejected password, by its codes only").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_directory_error", "19/0000052D"));
            assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("AD still accepts the old password").isTrue();
            assertThat(user.signsIn(AD_PASSWORD)).as("and so does Keycloak").isTrue();

            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).isTrue();
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).isFalse();

        assertThat(auditOfThisUser("reset")).containsExactly(
                "failure ad_password_too_short", "failure ad_password_complexity", "success ");
        assertThat(auditOfThisUser("writeback")).as("AD's refusals are writeback failures")
                .containsExactly("failure ad_password_too_short", "failure ad_password_complexity", "success ");
    }

    @Test
    void anAdOutageWhileTheNewPasswordIsWrittenChangesNothingAndTheRetryWorks() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000112");
            ResetJourney journey = user.verifiedBySms(twilio, 2);
            assertThat(journey.fieldNames()).contains("password-new");

            ad.stop();
            try {
                journey.setNewPassword(NEW_PASSWORD);
                assertThat(journey.html()).contains("The company directory cannot be reached right now")
                        .doesNotContain(GENERIC_KEYCLOAK_MESSAGE);
                assertThat(journey.signedIn()).isFalse();
            } finally {
                ad.resume();
            }
            assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("nothing changed in AD").isTrue();
            assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).isFalse();
            assertThat(user.signsIn(AD_PASSWORD)).as("nor in Keycloak").isTrue();

            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as("AD is back: the same page works").isTrue();
        }
        assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).isTrue();
        assertThat(auditOfThisUser("reset")).containsExactly("failure directory_unavailable", "success ");
        assertThat(auditOfThisUser("writeback")).containsExactly("failure directory_unavailable", "success ");
    }

    @Test
    void theUsersFineGrainedPasswordPolicyIsTheOneExplained() throws Exception {
        String pso = ad.createPasswordSettings("sspr-it-long-passwords", 12, USERNAME);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000114");
            ResetJourney journey = user.verifiedBySms(twilio, 2);

            journey.setNewPassword("Eleven-Ch4r");
            assertThat(journey.html()).as("long enough for the domain (7), not for the user's PSO (12)")
                    .contains("it must be at least 12 characters long");
            assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).isTrue();

            journey.setNewPassword("Twelve-Chars-4");
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        } finally {
            ad.deleteEntryIfPresent(pso);
        }
        assertThat(ad.passwordWorks(USERNAME, "Twelve-Chars-4")).isTrue();
    }

    @Test
    void anAccountThatMustChangeItsPasswordInAdCanReset() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000113");
            ad.setAttribute(USERNAME, "pwdLastSet", "0");
            assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("773: must change before use").isFalse();

            ResetJourney journey = user.verifiedBySms(twilio, 2);
            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).as("no longer must-change").isTrue();
        assertThat(ad.attribute(USERNAME, "pwdLastSet")).isNotEqualTo("0");
    }

    /** "outcome reason" of this test's AD user's audit rows of one activity, oldest first. */
    private List<String> auditOfThisUser(String activity) throws Exception {
        String userId = realm.admin().users().search(USERNAME, true).get(0).getId();
        JsonNode rows = new SsprAdminApi(urls.getBase(), realm.getName(), adminClient)
                .get("audit?activity=" + activity + "&user=" + userId);
        List<String> outcomes = new ArrayList<>();
        rows.forEach(row -> outcomes.add(row.path("outcome").asText() + " " + row.path("reason").asText()));
        Collections.reverse(outcomes);
        return outcomes;
    }

    public static final class RulesRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.smsOnlyAudited(realm, "sspr-ad-rules");
        }
    }
}
