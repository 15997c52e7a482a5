package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AdSelfService;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SambaAd;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ComponentRepresentation;
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
 * Self-service reset against the real AD: a reset lands in AD (new password binds, old fails) and is audited as a
 * writeback; an account locked in AD (three bad binds: {@code lockoutTime} set) is offered "unlock only" and
 * unlocking clears the lockout in AD; an AD outage at that moment changes nothing and says so; an account disabled in
 * AD is never unlocked and its user is told why wherever telling does not reveal the account to strangers.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class AdLockoutIT {

    static final String USERNAME = "ad-lou";
    static final String AD_PASSWORD = "Initial-Passw0rd!";
    static final String PHONE = "+4917000000095";
    static final String SECOND_PHONE = "+4917000000096";
    static final String THIRD_PHONE = "+4917000000097";
    static final String NEW_PASSWORD = "Brand-new-AD-Passw0rd!";

    @InjectRealm(config = LockoutRealm.class)
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
        user = AdSelfService.newAdUser(ad, realm, urls.getBase(), USERNAME, AD_PASSWORD, "Lou", "Locked");
    }

    @Test
    void anAccountLockedInAdIsUnlockedThereByTheResetFlow() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            registerPhoneAndLockInAd(twilio, PHONE);

            ResetJourney journey = user.verifiedBySms(twilio, 2);
            assertThat(journey.pageTitle()).isEqualTo("Your account is locked");
            journey.choose("unlock");
            assertThat(journey.html()).contains("Your account is unlocked");
        }
        assertThat(ad.attribute(USERNAME, "lockoutTime")).isEqualTo("0");
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("the old password binds in AD again").isTrue();
        assertThat(user.signsIn(AD_PASSWORD)).as("and signs in through Keycloak").isTrue();
    }

    @Test
    void anUnreachableAdChangesNothingAndTheFlowWorksOnceItIsBack() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            registerPhoneAndLockInAd(twilio, SECOND_PHONE);
            String lockedSince = ad.attribute(USERNAME, "lockoutTime");
            ResetJourney journey = user.verifiedBySms(twilio, 2);
            assertThat(journey.pageTitle()).isEqualTo("Your account is locked");

            // AD goes down between the page and the answer.
            ad.stop();
            try {
                journey.choose("unlock");
                assertThat(journey.html()).contains("The company directory cannot be reached right now")
                        .doesNotContain("Your account is unlocked");
                assertThat(RealmEvents.ssprDetails(realm)).anySatisfy(details -> assertThat(details)
                        .containsEntry("sspr_reason", "directory_unavailable"));
            } finally {
                ad.resume();
            }
            assertThat(ad.attribute(USERNAME, "lockoutTime")).as("nothing changed in AD").isEqualTo(lockedSince);

            // Back up: the same flow works.
            ResetJourney again = user.verifiedBySms(twilio, 3);
            again.choose("unlock");
            assertThat(again.html()).contains("Your account is unlocked");
        }
        assertThat(ad.attribute(USERNAME, "lockoutTime")).isEqualTo("0");
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).isTrue();
    }

    @Test
    void aSelfServiceResetOfAnAdUserLandsInAdAndIsAuditedAsWriteback() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, THIRD_PHONE);
            ResetJourney journey = user.verifiedBySms(twilio, 2);
            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        assertThat(ad.passwordWorks(USERNAME, NEW_PASSWORD)).as("the new password binds in AD").isTrue();
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("the old one no longer does").isFalse();
        assertThat(user.signsIn(NEW_PASSWORD)).as("the new password signs in through Keycloak").isTrue();

        JsonNode rows = new SsprAdminApi(urls.getBase(), realm.getName(), adminClient).get("audit?activity=writeback");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("username").asText()).isEqualTo(USERNAME);
        assertThat(rows.get(0).path("method").asText()).isEqualTo("active-directory");
        assertThat(rows.get(0).path("outcome").asText()).isEqualTo("success");
    }

    @Test
    void aDisabledAdAccountIsNotUnlockedAndTheUserIsToldWhyWhereThePolicyAllows() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000098");
        }
        // (On Samba, writing userAccountControl also ends a lockout: the account is disabled, not locked.)
        ad.disableUser(USERNAME);
        // Keycloak learns it when it reads the entry again (sync, cache expiry): here its user cache is cleared. The
        // account that Keycloak still holds enabled is the next test's.
        realm.admin().clearUserCache();

        // Enumeration-safe (the default): the account's state is not told to whoever types its name.
        ResetJourney decoy = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(USERNAME);
        assertThat(decoy.html()).doesNotContain("company directory");
        assertThat(decoy.fieldNames()).doesNotContain("choice", "password-new");

        ResetPolicy.set(realm, Map.of("sspr.enumeration.safe", "false"));
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(USERNAME);
        assertThat(journey.html()).contains("Your account is disabled in the company directory");
        assertThat(journey.fieldNames()).doesNotContain("choice", "password-new");

        assertThat(ad.attribute(USERNAME, "userAccountControl")).as("still disabled").isEqualTo("514");
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).isFalse();
    }

    @Test
    void anAccountDisabledInAdButNotYetInKeycloakIsToldAfterVerification() throws Exception {
        keepKeycloaksEnabledFlag();
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            user.registerPhone(twilio, "+4917000000099");
            ad.disableUser(USERNAME);

            ResetJourney journey = user.verifiedBySms(twilio, 2);
            assertThat(journey.html()).contains("Your account is disabled in the company directory");
            assertThat(journey.fieldNames()).doesNotContain("choice", "password-new");
        }
        assertThat(ad.attribute(USERNAME, "userAccountControl")).as("still disabled").isEqualTo("514");
        assertThat(RealmEvents.ssprDetails(realm))
                .anySatisfy(details -> assertThat(details).containsEntry("sspr_reason", "directory_account_disabled"));
    }

    /**
     * Keycloak's MSAD mapper then reads "enabled" from the imported copy, not from AD on every lookup: an account
     * disabled in AD after its import is still enabled in Keycloak (the older default, and every realm without
     * periodic sync).
     */
    private void keepKeycloaksEnabledFlag() {
        ComponentRepresentation ldap = realm.admin().components().query(realm.getId(),
                "org.keycloak.storage.UserStorageProvider").get(0);
        ComponentRepresentation mapper = realm.admin().components().query(ldap.getId(),
                "org.keycloak.storage.ldap.mappers.LDAPStorageMapper").stream()
                .filter(c -> "msad-user-account-control-mapper".equals(c.getProviderId())).findFirst().orElseThrow();
        mapper.getConfig().putSingle("always.read.enabled.value.from.ldap", "false");
        realm.admin().components().component(mapper.getId()).update(mapper);
    }

    /** First sign-in through Keycloak (imports the AD user) registers a mobile phone; then three bad AD binds. */
    private void registerPhoneAndLockInAd(TwilioAccount.Registration twilio, String phone) throws Exception {
        user.registerPhone(twilio, phone);
        // Keycloak's own lockout is not involved: the binds go straight to AD.
        for (int i = 0; i < 3; i++) {
            assertThat(ad.passwordWorks(USERNAME, "Wrong-Passw0rd-" + i)).isFalse();
        }
        assertThat(ad.passwordWorks(USERNAME, AD_PASSWORD)).as("locked in AD").isFalse();
        assertThat(ad.attribute(USERNAME, "lockoutTime")).isNotEqualTo("0");
    }

    public static final class LockoutRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.smsOnlyAudited(realm, "sspr-ad-lockout");
        }
    }
}
