package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AdSelfService;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SambaAd;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.PwnedPasswordsStandIn;
import jakarta.ws.rs.BadRequestException;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The banned-password policy wherever Keycloak sets a password — Update password at sign-in, the SSPR reset, an admin
 * — with the README's examples refused and explained, custom terms and the breached-password check changed at run
 * time, and a federated AD user whose refused password never reaches AD.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class BannedPasswordsIT {

    static final String REALM = "sspr-banned";
    static final String ORGANISATION = "Contoso";
    static final String STRONG = "Tangerine-Volcano-Ledger-42";
    static final String MESSAGE_COMMON = "it contains a commonly used password";
    static final String MESSAGE_ORGANISATION = "it contains your organisation";
    static final String MESSAGE_PERSONAL = "it is too close to your user name, your name or your email address";
    static final String MESSAGE_TERM = "it contains a term that your organisation does not allow in passwords";
    static final String MESSAGE_BREACHED = "This password has appeared in a data breach";
    static final String MESSAGE_UNCHECKED = "could not be checked against known data breaches";
    /** The README's examples and what each is refused for, for a user named {@code name}. */
    static Map<String, String> examples(String name) {
        return Map.of("Summer26!", MESSAGE_COMMON, "P@ssw0rd1", MESSAGE_COMMON, ORGANISATION + "123",
                MESSAGE_ORGANISATION, name + "-Secure1", MESSAGE_PERSONAL);
    }

    @InjectRealm(config = BannedRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    org.keycloak.admin.client.Keycloak adminClient;

    @Test
    void updatePasswordAtSignInRefusesTheExamplesEachWithItsReason() throws Exception {
        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), REALM, "bert", BannedRealm.PASSWORD);
        assertThat(browser.fieldNames()).as("Keycloak's Update password page").contains("password-new");
        for (Map.Entry<String, String> example : examples("bert").entrySet()) {
            browser.submit(Map.of("password-new", example.getKey(), "password-confirm", example.getKey()));
            assertThat(browser.html()).as(example.getKey()).contains(example.getValue());
            assertThat(browser.fieldNames()).contains("password-new");
        }
        browser.submit(Map.of("password-new", STRONG, "password-confirm", STRONG));
        assertThat(TestAppLogin.signedIn(browser)).as(browser.html()).isTrue();
        assertThat(TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), REALM, "bert", STRONG))).isTrue();
    }

    @Test
    void theResetRefusesTheExamplesAndTheAuditCountsThem() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), REALM).start().chooseAccount("anna")
                    .selectMethod("sspr-sms");
            journey.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body()));
            for (Map.Entry<String, String> example : examples("anna").entrySet()) {
                journey.setNewPassword(example.getKey());
                assertThat(journey.html()).as(example.getKey()).contains(example.getValue())
                        .doesNotContain(example.getKey());
            }
            journey.setNewPassword(STRONG);
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        assertThat(RealmEvents.ofTypes(realm, "UPDATE_CREDENTIAL_ERROR")).extracting(e -> e.getDetails())
                .allSatisfy(details -> assertThat(details).containsEntry("sspr_reason", "banned_password")
                        .doesNotContainValue("Summer26!"))
                .extracting(details -> details.get("sspr_banned_rule"))
                .containsExactlyInAnyOrder("common_password", "common_password", "organisation_name", "personal_data");
        JsonNode insights = new SsprAdminApi(urls.getBase(), REALM, adminClient).get("insights");
        assertThat(insights.path("topFailureReasons").toString()).contains("{\"reason\":\"banned_password\",\"count\":4}");
    }

    @Test
    void anAdministratorSettingAPasswordIsRefusedToo() {
        String cara = userId("cara");
        Map<String, String> refusals = Map.of("Summer26!", "ssprBannedPasswordCommon",
                "P@ssw0rd1", "ssprBannedPasswordCommon", ORGANISATION + "123", "ssprBannedPasswordOrganisation",
                "cara-Secure1", "ssprBannedPasswordPersonal");
        refusals.forEach((password, rule) -> assertThat(adminSets(cara, password)).as(password).contains(rule));
        assertThat(adminSets(cara, STRONG)).isEqualTo("accepted");
    }

    @Test
    void customTermsTakeEffectAtOnceAndABadListIsRefused() {
        String cara = userId("cara");
        assertThat(adminSets(cara, "Widgetco-Harbor-9")).as("no custom terms yet").isEqualTo("accepted");

        setPolicy("sspr-banned-passwords(5) and sspr-banned-password-terms(Widgetco, Springfield)");
        // Each scores below 5: the term (1 point) and few characters more.
        assertThat(adminSets(cara, "W1dgetc0!!")).as("the new term, normalized").contains("ssprBannedPasswordTerm");
        assertThat(adminSets(cara, "Springfeld-7")).as("one letter off").contains("ssprBannedPasswordTerm");

        RealmRepresentation bad = realm.admin().toRepresentation();
        bad.setPasswordPolicy("sspr-banned-passwords(5) and sspr-banned-password-terms(ab, Widgetco)");
        assertThat(refusalOf(() -> realm.admin().update(bad))).contains("Banned password terms must have 4 to 64");
        assertThat(realm.admin().toRepresentation().getPasswordPolicy()).as("unchanged")
                .contains("sspr-banned-password-terms(Widgetco, Springfield)");
        bad.setPasswordPolicy("sspr-banned-passwords(99)");
        assertThat(refusalOf(() -> realm.admin().update(bad))).contains("from 1 to 30");
    }

    @Test
    void theBreachCheckAsksOnlyAPrefixAndFailsOpenOrClosedAsConfigured() throws Exception {
        String cara = userId("cara");
        String breached = "Harbor-Lantern-Mosaic-77";
        PwnedPasswordsStandIn pwned = new PwnedPasswordsStandIn();
        pwned.breached(breached);
        setPolicy("sspr-banned-passwords(5) and sspr-breached-passwords(fail-open)");
        HttpContext service = httpServer.createContext("/pwned-passwords", pwned);
        try {
            assertThat(adminSets(cara, breached)).contains("ssprBreachedPassword");
            assertThat(pwned.askedPrefixes()).as("the first five hex digits of the SHA-1, nothing more")
                    .containsExactly("0BE14"); // SHA-1 of the password: 0BE14…
            assertThat(adminSets(cara, STRONG + "-x")).isEqualTo("accepted");

            // Unanswered in time: fail-open lets the other policies judge, fail-closed refuses, both within the timeout.
            pwned.delayResponses(Duration.ofSeconds(8));
            long started = System.nanoTime();
            assertThat(adminSets(cara, STRONG + "-y")).isEqualTo("accepted");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            setPolicy("sspr-banned-passwords(5) and sspr-breached-passwords(fail-closed)");
            started = System.nanoTime();
            assertThat(adminSets(cara, STRONG + "-z")).contains("ssprBreachCheckUnavailable");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
        } finally {
            httpServer.removeContext(service);
        }
        // No service at all (404 here): the same.
        assertThat(adminSets(cara, STRONG + "-z")).contains("ssprBreachCheckUnavailable");

        FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), REALM, "dora", BannedRealm.PASSWORD);
        browser.submit(Map.of("password-new", STRONG, "password-confirm", STRONG));
        assertThat(browser.html()).as("what the user reads").contains(MESSAGE_UNCHECKED);
    }

    @Test
    void aFederatedUsersRefusedPasswordNeverReachesAd() throws Exception {
        SambaAd ad = SambaAd.connect();
        String adPassword = "Initial-Harbor-Passw0rd!";
        AdSelfService rita = AdSelfService.newAdUser(ad, realm, urls.getBase(), "ad-rita", adPassword, "Rita", "Rules");
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            rita.registerPhone(twilio, "+4917000000212");
            ResetJourney journey = rita.verifiedBySms(twilio, 2);
            // AD (7 characters, three character groups) would take it; the policy refuses it first.
            journey.setNewPassword("Summer26!");
            assertThat(journey.html()).contains(MESSAGE_COMMON);
        }
        assertThat(ad.passwordWorks("ad-rita", adPassword)).as("AD still binds with the old password").isTrue();
        assertThat(ad.passwordWorks("ad-rita", "Summer26!")).isFalse();

        // Outside the reset, Keycloak checks the policy before writing to AD only if the provider says so.
        JsonNode health = new SsprAdminApi(urls.getBase(), REALM, adminClient).get("health");
        assertThat(health.path("providers").get(0).path("warnings").toString()).contains("realm_policy_not_validated");
    }

    private String userId(String username) {
        return realm.admin().users().searchByUsername(username, true).get(0).getId();
    }

    /** Users → user → Credentials → Reset password, as the admin console sends it: "accepted" or the refusal. */
    private String adminSets(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        String refusal = refusalOf(() -> realm.admin().users().get(userId).resetPassword(credential));
        return refusal == null ? "accepted" : refusal;
    }

    /** Realm settings → Authentication → Policies → Password policy; the realm's own one again after the test. */
    private void setPolicy(String policy) {
        RealmRepresentation settings = realm.admin().toRepresentation();
        String original = settings.getPasswordPolicy();
        settings.setPasswordPolicy(policy);
        realm.admin().update(settings);
        realm.cleanup().add(r -> {
            RealmRepresentation restore = r.toRepresentation();
            restore.setPasswordPolicy(original);
            r.update(restore);
        });
    }

    private static String refusalOf(Runnable adminCall) {
        try {
            adminCall.run();
            return null;
        } catch (BadRequestException e) {
            return e.getResponse().readEntity(String.class);
        }
    }

    public static final class BannedRealm implements RealmConfig {
        static final String PASSWORD = "Kestrel-Harbor-Lantern-31";

        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.smsOnlyAudited(realm, REALM)
                    .update(rep -> {
                        rep.setDisplayName(ORGANISATION);
                        rep.setPasswordPolicy("sspr-banned-passwords(5)");
                    })
                    .users(UserBuilder.create("anna").email("anna@example.org").emailVerified(true)
                                    .name("Anna", "Example").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone("+4917000000211")),
                            UserBuilder.create("bert").email("bert@example.org").emailVerified(true)
                                    .name("Bert", "Example").password(PASSWORD).enabled(true)
                                    .requiredActions("UPDATE_PASSWORD"),
                            UserBuilder.create("cara").email("cara@example.org").emailVerified(true)
                                    .name("Cara", "Example").password(PASSWORD).enabled(true),
                            UserBuilder.create("dora").email("dora@example.org").emailVerified(true)
                                    .name("Dora", "Example").password(PASSWORD).enabled(true)
                                    .requiredActions("UPDATE_PASSWORD"));
        }
    }
}
