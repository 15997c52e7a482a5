package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.CalleeKeypress;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.IdentityProviderBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/** What an attacker or an unlucky user meets: decoys, budgets, dead codes, refusals, lockouts. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class ResetSafeguardsIT {

    static final String ANNA = "anna";
    static final String ANNA_PHONE = "+4917000000011";
    static final String ANNA_ALTERNATE = "anna.home@example.net";
    static final String NOBODY_REGISTERED = "paul";
    static final String GUEST = "gina-guest";
    static final String BEA = "bea";
    static final String BEA_PHONE = "+4917000000033";
    static final String ADMIN = "olga-admin";
    static final String ADMIN_PHONE = "+4917000000022";
    static final String PASSWORD = "Current-Passw0rd!";

    @InjectRealm(config = SafeguardsRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), realm.getName()).start();
    }

    @Test
    void threeWrongCodesKillTheCodeAndRefreshesNeverResend() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(ANNA).selectMethod("sspr-sms");
            for (int i = 0; i < 10; i++) {
                journey.refresh();
            }
            assertThat(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5))).hasSize(1);
            assertThat(BackgroundSends.awaitIdle(urls.getMetric())).as("the server counts its background sends")
                    .isPositive();
            assertThat(twilio.twilio().requests()).as("ten refreshes, one SMS").hasSize(1);

            String code = Codes.in(twilio.twilio().messages().get(0).body());
            journey.enterCode(Codes.wrongFor(code));
            assertThat(journey.html()).contains("That code is not right");
            journey.enterCode(Codes.wrongFor(code));
            journey.enterCode(Codes.wrongFor(code));
            assertThat(journey.html()).contains("Too many wrong attempts");

            journey.selectMethod("sspr-email");
            assertThat(journey.pageTitle()).startsWith("Enter the code we emailed to ");
            journey.chooseOtherMethod();
            assertThat(journey.html()).as("the SMS method is spent for this reset").doesNotContain("sspr-method-sspr-sms");
        }
    }

    @Test
    void aCodeCannotBeReplayedNorTheFirstProofCountTwice() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(ANNA).selectMethod("sspr-sms");
            String code = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0).body());
            journey.enterCode(code);
            assertThat(journey.html()).contains("Verification step 2 of 2");

            // The same proof again: the SMS method is no longer offered, and a forged choice is refused.
            journey.selectMethod("sspr-sms");
            assertThat(journey.html()).contains("Please choose one of the methods shown").doesNotContain("password-new");
            journey.selectMethod("sspr-voice");
            assertThat(journey.html()).as("voice proves the same phone").doesNotContain("password-new");

            // Replaying the used code on the next method's page does not count.
            journey.selectMethod("sspr-email");
            journey.enterCode(code);
            assertThat(journey.fieldNames()).doesNotContain("password-new");
        }
    }

    @Test
    void thePasswordFormCannotBeReachedWithoutProof() throws Exception {
        ResetJourney journey = journey().chooseAccount(ANNA);
        // Skipping ahead: post a new password to the step that shows the method list.
        journey.setNewPassword("Attacker-Passw0rd!");
        assertThat(journey.fieldNames()).doesNotContain("password-new");
        assertThat(signIn(ANNA, "Attacker-Passw0rd!")).isFalse();
        assertThat(signIn(ANNA, PASSWORD)).isTrue();
    }

    @Test
    void aPostWithoutAValidCaptchaSolutionIsRefused() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey();
            journey.submit(Map.of("username", ANNA));
            assertThat(journey.pageTitle()).isEqualTo("Reset your password");
            assertThat(journey.html()).contains("Please confirm that you are not a robot.");

            journey.submit(Map.of("username", ANNA, ResetJourney.CAPTCHA_FIELD, "eyJhbGdvcml0aG0iOiJTSEEtMjU2In0="));
            assertThat(journey.pageTitle()).isEqualTo("Reset your password");
            assertThat(journey.html()).contains("The robot check failed.");
            assertThat(twilio.twilio().requests()).isEmpty();
        }
        assertThat(RealmEvents.all(realm))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_reason", "captcha_missing"));
    }

    @Test
    void sendBudgetExceededShowsAMessageAndSendsNothing() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.budget.sends.per.user", "1"));
        // The pack's event listener counts verifications on /metrics: on for this test only.
        RealmRepresentation settings = realm.admin().toRepresentation();
        List<String> listeners = settings.getEventsListeners();
        settings.setEventsListeners(List.of("jboss-logging", "sspr"));
        realm.admin().update(settings);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            journey().chooseAccount(BEA).selectMethod("sspr-sms");
            assertThat(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5))).hasSize(1);

            // The account's own budget is spent: another method cannot help, and the page says so and until when.
            ResetJourney second = journey().chooseAccount(BEA).selectMethod("sspr-sms");
            assertThat(second.html()).contains("No more codes can be sent for this account right now")
                    .containsPattern("Please try again in [1-9][0-9]* minutes").doesNotContain("choose another method");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).hasSize(1);

            // Nothing was sent, so nothing failed to verify: the metric counts it under an outcome of its own.
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric()))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics.lines().filter(line -> line.startsWith("sspr_verifications_total{")
                    && line.contains("realm=\"" + realm.getName() + "\"") && line.contains("method=\"sspr-sms\"")))
                    .as(metrics).anyMatch(line -> line.contains("outcome=\"refused\""));

            // The administrator raises the limit: it applies at once, not when the window ends.
            ResetPolicy.set(realm, Map.of("sspr.budget.sends.per.user", "2"));
            journey().chooseAccount(BEA).selectMethod("sspr-sms");
            assertThat(twilio.twilio().awaitRequests(2, Duration.ofSeconds(5))).hasSize(2);
        } finally {
            settings.setEventsListeners(listeners);
            realm.admin().update(settings);
        }
    }

    @Test
    void oneMethodPolicyLetsAUserResetWithOneProof() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.methods.required", "1"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(ANNA).selectMethod("sspr-voice");
            RecordedTwilioRequest call = twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0);
            assertThat(twilio.twilio().calls()).hasSize(1);
            String spoken = twilio.pressKey(call).replaceAll("[^0-9]", "");
            journey.enterCode(spoken.substring(0, spoken.length() / 2));
            assertThat(journey.fieldNames()).contains("password-new");
        }
    }

    /**
     * A call speaks nothing but "press any key" until Twilio calls back, signed, after a key: an answering machine never
     * records the code. The callback URL alone (say, leaked from a log) gets nothing, nor does a forged or a second
     * callback, and the code then still works once.
     */
    @Test
    void aVoiceCallSpeaksTheCodeOnlyAfterAKeypressAndOnlyOnce() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.methods.required", "1"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(ANNA).selectMethod("sspr-voice");
            RecordedTwilioRequest call = twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0);
            assertThat(call.twiml()).contains("<Gather", "Press any key to hear your verification code.")
                    .as("no digit is spoken before the key").doesNotContainPattern("[0-9]{1}, [0-9]");
            String action = CalleeKeypress.actionOf(call).orElseThrow();
            assertThat(action).startsWith(urls.getBase() + "/realms/" + realm.getName() + "/sspr-voice/answer/");

            CalleeKeypress attacker = new CalleeKeypress("not-the-auth-token");
            Map<String, String> form = Map.of("AccountSid", TwilioAccount.ACCOUNT_SID, "CallSid", "CA1",
                    "Digits", "1", "From", call.from(), "To", call.to());
            assertThat(attacker.post(action, form, null).statusCode()).as("unsigned").isEqualTo(403);
            assertThat(attacker.post(action, form, attacker.sign(action, form)).statusCode()).as("forged")
                    .isEqualTo(403);
            CalleeKeypress twilioItself = new CalleeKeypress(TwilioAccount.AUTH_TOKEN);
            assertThat(twilioItself.post(action + "x", form, twilioItself.sign(action + "x", form)).body())
                    .as("an unknown token").isEqualTo("<Response/>");

            String spoken = twilio.pressKey(call);
            assertThat(spoken).contains("<Say");
            assertThat(twilio.pressKey(call)).as("a second callback").isEqualTo("<Response/>");
            String digits = spoken.replaceAll("[^0-9]", "");
            journey.enterCode(digits.substring(0, digits.length() / 2));
            assertThat(journey.fieldNames()).contains("password-new");
        }
    }

    @Test
    void anAdministratorNeedsTwoMethodsAndNeverQuestionsEvenUnderAOneMethodPolicy() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.methods.required", "1"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            // Olga has a phone and security questions: questions do not count for her, so she has one method.
            ResetJourney journey = journey().chooseAccount(ADMIN);
            journey.selectMethod("sspr-sms");
            journey.enterCode("123456");
            assertThat(journey.fieldNames()).doesNotContain("password-new");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("decoy run: nothing sent").isEmpty();
        }
        assertThat(RealmEvents.all(realm)).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("sspr_reason", "not_registered").containsEntry("username", ADMIN));
    }

    @Test
    void groupScopeCoversMembersOnly() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.scope", "GROUP", "sspr.scope.group", "/sspr-enabled"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            journey().chooseAccount(ANNA).selectMethod("sspr-sms");
            assertThat(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5))).as("Anna is in the group").hasSize(1);
            journey().chooseAccount(BEA).selectMethod("sspr-sms");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("Bea is not: decoy, nothing sent").hasSize(1);
        }
        assertThat(RealmEvents.all(realm)).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("sspr_reason", "out_of_scope").containsEntry("username", BEA));
    }

    @Test
    void scopeNoneSendsNothingToAnyone() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.scope", "NONE"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            journey().chooseAccount(ANNA).selectMethod("sspr-sms");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).isEmpty();
        }
        assertThat(RealmEvents.all(realm)).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("sspr_reason", "out_of_scope").containsEntry("username", ANNA));
    }

    @Test
    void aBadPolicyValueSavedThroughTheApiMakesTheFlowFailClosed() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.code.length", "4"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = new FormBrowser().open(urls.getBase() + "/realms/" + realm.getName()
                    + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                    + "&response_type=code&scope=openid&redirect_uri=" + SsprResetRealm.REDIRECT_URI)
                    .clickLink("Forgot Password?");
            assertThat(browser.html()).contains("We could not verify your identity").doesNotContain("altcha-widget");
            assertThat(twilio.twilio().requests()).isEmpty();
        }
        assertThat(RealmEvents.all(realm))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_reason", "invalid_policy"));
    }

    /** Naming the home organisation would tell a stranger the account exists: not under enumeration safety. */
    @Test
    void aGuestFollowsTheDecoyRunUnderEnumerationSafety() throws Exception {
        ResetJourney guest = journey().chooseAccount(GUEST);
        ResetJourney unknown = journey().chooseAccount("no-such-partner-user");

        assertThat(page(guest)).isEqualTo(page(unknown));
        assertThat(guest.html()).doesNotContain("Partner Org");
        assertThat(RealmEvents.all(realm)).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("sspr_reason", "guest_account").containsEntry("sspr_decoy", "true"));
    }

    /** A page's title and field names (a radio group is one name). */
    private static List<String> page(ResetJourney journey) {
        List<String> page = new ArrayList<>();
        page.add(journey.pageTitle());
        page.addAll(journey.fieldNames().stream().filter(n -> !n.equals(ResetJourney.CAPTCHA_FIELD)).distinct().toList());
        return page;
    }

    @Test
    void withoutEnumerationSafetyAGuestIsSentToTheHomeOrganisation() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.enumeration.safe", "false"));
        ResetJourney journey = journey().chooseAccount(GUEST);
        assertThat(journey.pageTitle()).isEqualTo("Reset your password at your organization");
        assertThat(journey.instruction()).contains("Partner Org");
        assertThat(journey.fieldNames()).doesNotContain("method", "code");
        assertThat(RealmEvents.all(realm))
                .anySatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_reason", "guest_account"));
    }

    @Test
    void aLockedOutUserUnlocksAndSignsInWithTheOldPassword() throws Exception {
        for (int i = 0; i < 30; i++) {
            signIn(ANNA, "wrong-password-" + i);
        }
        assertThat(signIn(ANNA, PASSWORD)).as("locked out").isFalse();
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(ANNA).selectMethod("sspr-sms");
            journey.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0).body()));
            journey.selectMethod("sspr-email");
            assertThat(mailServer.waitForIncomingEmail(10_000, 1)).isTrue();
            journey.enterCode(Codes.in(MailContent.text(mailServer.getLastReceivedMessage())));
            assertThat(journey.pageTitle()).isEqualTo("Your account is locked");
            journey.choose("unlock");
            assertThat(journey.html()).contains("Your account is unlocked");
        }
        assertThat(signIn(ANNA, PASSWORD)).as("old password works after unlock").isTrue();
    }

    @Test
    void aPermanentlyLockedOutUserGetsTheDecoyNotKeycloaksDisabledPage() throws Exception {
        // Keycloak's permanent lockout disables the account, and Keycloak refuses any flow step for a disabled user
        // with its own "Account is disabled" page: telling strangers which accounts exist and are locked.
        RealmRepresentation settings = realm.admin().toRepresentation();
        settings.setPermanentLockout(true);
        settings.setFailureFactor(3);
        // Failures less than a second apart (the default quick-login check) lock the account for a minute instead, and
        // failures during that lock are not counted: a fast machine then never reaches the permanent lockout.
        settings.setQuickLoginCheckMilliSeconds(1L);
        realm.admin().update(settings);
        String beaId = realm.admin().users().search(BEA, true).get(0).getId();
        realm.cleanup().add(r -> {
            RealmRepresentation restore = r.toRepresentation();
            restore.setPermanentLockout(false);
            restore.setFailureFactor(30);
            restore.setQuickLoginCheckMilliSeconds(1000L);
            r.update(restore);
            r.attackDetection().clearBruteForceForUser(beaId);
            UserRepresentation bea = r.users().get(beaId).toRepresentation();
            bea.setEnabled(true);
            r.users().get(beaId).update(bea);
        });
        for (int i = 0; i < 3; i++) {
            signIn(BEA, "wrong-password-" + i);
        }
        // Keycloak's brute-force detector may record the last failure just after its page was answered: wait for it.
        long deadline = System.currentTimeMillis() + 10_000;
        while (realm.admin().users().get(beaId).toRepresentation().isEnabled()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(realm.admin().users().get(beaId).toRepresentation().isEnabled()).as("locked for good").isFalse();

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = journey().chooseAccount(BEA);
            assertThat(journey.html()).doesNotContain("Account is disabled");
            assertThat(journey.pageTitle()).isEqualTo("Verify your identity");
            journey.selectMethod("sspr-sms");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("a decoy sends nothing").isEmpty();
        }
        assertThat(RealmEvents.all(realm)).anySatisfy(e -> assertThat(e.getDetails())
                .containsEntry("sspr_reason", "user_disabled").containsEntry("sspr_decoy", "true"));
    }

    private boolean signIn(String username, String password) throws Exception {
        return TestAppLogin.signedIn(TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, password));
    }

    public static final class SafeguardsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprResetRealm.configure(realm.name("sspr-safeguards"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-voice##sspr-email##sspr-questions",
                            "sspr.methods.required", "2",
                            "sspr.budget.sends.per.user", "50",
                            "sspr.budget.sends.per.destination", "20",
                            "sspr.budget.sends.per.ip", "100",
                            "sspr.captcha.difficulty", "1000"))
                    .groups("sspr-enabled")
                    .identityProviders(IdentityProviderBuilder.create().alias("partner-idp").providerId("oidc")
                            .displayName("Partner Org").attribute("clientId", "sspr")
                            .attribute("authorizationUrl", "https://partner.invalid/auth")
                            .attribute("tokenUrl", "https://partner.invalid/token"))
                    .users(UserBuilder.create(ANNA).email("anna@example.org").emailVerified(true)
                                    .name("Anna", "Example").password(PASSWORD).enabled(true).groups("sspr-enabled")
                                    .credential(SeededCredentials.mobilePhone(ANNA_PHONE))
                                    .credential(SeededCredentials.alternateEmail(ANNA_ALTERNATE)),
                            UserBuilder.create(BEA).email("bea@example.org").emailVerified(true)
                                    .name("Bea", "Example").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(BEA_PHONE))
                                    .credential(SeededCredentials.alternateEmail("bea.home@example.net")),
                            UserBuilder.create(GUEST).email("gina@partner.invalid").emailVerified(true)
                                    .name("Gina", "Guest").enabled(true)
                                    .federatedLink("partner-idp", "gina-at-partner", "gina"),
                            UserBuilder.create(NOBODY_REGISTERED).email("paul@example.org").emailVerified(true)
                                    .name("Paul", "Example").password(PASSWORD).enabled(true),
                            UserBuilder.create(ADMIN).email("olga@example.org").emailVerified(true)
                                    .name("Olga", "Admin").password(PASSWORD).enabled(true)
                                    .clientRoles("realm-management", "manage-users")
                                    .credential(SeededCredentials.mobilePhone(ADMIN_PHONE))
                                    .credential(SeededCredentials.securityQuestions(Map.of(
                                            "ssprQuestionFirstPet", "Rex", "ssprQuestionBirthCity", "Hamburg",
                                            "ssprQuestionFirstSchool", "Lindenschule"))));
        }
    }
}
