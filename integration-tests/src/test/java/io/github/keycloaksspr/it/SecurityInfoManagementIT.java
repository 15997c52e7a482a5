package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AccountApi;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Managing security info after registration: security questions on the page, the Account Console's credential list
 * and remove (account REST API), its "Set up" (application-initiated action), a help-desk removal by an admin, and
 * the grace period for postponing registration.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class SecurityInfoManagementIT {

    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-new-Passw0rd!";
    static final String QUINN = "quinn";
    static final String QUINN_PHONE = "+4917000000061";
    static final String ACCO = "acco";
    static final String ACCO_PHONE = "+4917000000062";
    static final String ACCO_SECOND_PHONE = "+4917000000066";
    static final String HEDDA = "hedda";
    static final String GUS = "gus";

    @InjectRealm(config = ManagementRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void securityQuestionsAreRegisteredWithTheirRulesAndThenAnswerAReset() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.customQuestions", "Name of your first teddy?"));
        FormBrowser browser = signIn(QUINN, PASSWORD);
        assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");
        browser.submit(Map.of("action", "setup-questions"));
        assertThat(ExistingMethodProof.asked(browser)).as("Quinn has a phone: a change proves it first").isTrue();
        assertThat(browser.html()).as("she is signed in: the way back leads to her security info")
                .contains("Back to your security info").doesNotContain("Back to Login");
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ExistingMethodProof.bySms(browser, twilio.twilio());
        }
        // The questions' form follows the proof at once.
        assertThat(browser.textOf("sspr-questions-instruction")).startsWith("Pick 3 different questions");
        assertThat(browser.html()).contains("What was the name of your first pet?")
                .contains("<option value=\"custom:Name of your first teddy?\"");

        // The same question twice: refused, nothing stored, the typed answers are not sent back.
        browser.submit(questions("ssprQuestionFirstPet", "Rex the dog", "ssprQuestionFirstPet", "Hamburg",
                "custom:Name of your first teddy?", "Brummbaer"));
        assertThat(browser.html()).contains("Pick a different question for each row.")
                .doesNotContain("Rex the dog").doesNotContain("Brummbaer");
        assertThat(RegistrationAdmin.credentialTypes(realm, QUINN)).doesNotContain("sspr-security-questions");

        browser.submit(questions("ssprQuestionFirstPet", "Rex the dog", "ssprQuestionBirthCity", "HH",
                "custom:Name of your first teddy?", "Brummbaer"));
        assertThat(browser.html()).contains("Each answer needs at least 3 characters.");
        browser.submit(questions("ssprQuestionFirstPet", "Rex the dog", "ssprQuestionBirthCity", "Hamburg",
                "custom:Name of your first teddy?", "name of your first teddy"));
        assertThat(browser.html()).contains("An answer must not repeat its question.");
        browser.submit(questions("ssprQuestionFirstPet", "Hamburg", "ssprQuestionBirthCity", " hamburg",
                "custom:Name of your first teddy?", "Brummbaer"));
        assertThat(browser.html()).contains("Give a different answer to each question.");
        assertThat(RegistrationAdmin.credentialTypes(realm, QUINN)).doesNotContain("sspr-security-questions");
        assertThat(RealmEvents.ssprDetails(realm))
                .anySatisfy(details -> assertThat(details).containsEntry("sspr_reason", "answer_repeats_question"));

        browser.submit(questions("ssprQuestionFirstPet", "Rex the dog", "ssprQuestionBirthCity", "Hamburg",
                "custom:Name of your first teddy?", "Brummbaer"));
        assertThat(browser.html()).contains("Your security questions have been saved.");
        assertThat(browser.textOf("sspr-questions")).startsWith("Security questions");
        assertThat(browser.textOf("sspr-register-status")).contains("2 of the 2");
        CredentialRepresentation stored = RegistrationAdmin.credentials(realm, QUINN).stream()
                .filter(c -> c.getType().equals("sspr-security-questions")).findFirst().orElseThrow();
        assertThat(stored.getCredentialData()).contains("ssprQuestionFirstPet")
                .contains("custom:Name of your first teddy?").doesNotContain("Brummbaer");
        browser.submit(Map.of("action", "confirm"));
        assertThat(TestAppLogin.signedIn(browser)).isTrue();

        // The registered answers prove identity in the reset flow (typed differently: case and spacing do not count).
        Map<String, String> answers = Map.of("What was the name of your first pet?", " REX the dog",
                "In which city were you born?", "HAMBURG", "Name of your first teddy?", "brummbaer");
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(QUINN);
            journey.selectMethod("sspr-questions");
            List<String> asked = journey.askedQuestions();
            assertThat(asked).hasSize(3);
            journey.answer(asked.stream().map(answers::get).toList());
            journey.selectMethod("sspr-sms");
            journey.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(5)).get(0).body()));
            journey.setNewPassword(NEW_PASSWORD);
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
        assertThat(TestAppLogin.signedIn(signIn(QUINN, NEW_PASSWORD))).isTrue();
    }

    @Test
    void theAccountConsoleListsTheMethodsWithTheirSetUpActionAndRefusesRemovalBelowTheMinimum() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        FormBrowser browser = signIn(ACCO, PASSWORD);
        assertThat(TestAppLogin.signedIn(browser)).isTrue();
        AccountApi account = AccountApi.signedIn(urls.getBase(), realm.getName(), browser);

        JsonNode phones = account.credentialType("sspr-mobile-phone");
        assertThat(phones.path("createAction").asText()).isEqualTo("sspr-register-security-info");
        assertThat(phones.path("displayName").asText()).isEqualTo("sspr-mobile-phone-display-name");
        assertThat(phones.path("userCredentialMetadatas")).hasSize(1);
        assertThat(account.credentialType("sspr-alternate-email").path("createAction").asText())
                .isEqualTo("sspr-register-security-info");
        assertThat(account.credentialType("sspr-security-questions").path("createAction").asText())
                .isEqualTo("sspr-register-security-info");
        // With the security-info page enabled, methods are removed there (after proof), never by the console's Remove.
        assertThat(phones.path("removeable").asBoolean()).isFalse();
        String phoneId = RegistrationAdmin.credentialId(realm, ACCO, "sspr-mobile-phone");
        assertThat(account.remove(phoneId)).isEqualTo(400);
        assertThat(RegistrationAdmin.credentialTypes(realm, ACCO)).contains("sspr-mobile-phone");

        // "Set up" in the Account Console: the application-initiated action opens the registration page.
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            browser.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), "sspr-register-security-info"));
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
            assertThat(browser.html()).contains("name=\"cancel-aia\"").doesNotContain("sspr-skip");
            browser.submit(Map.of("action", "add-phone", "phone", ACCO_SECOND_PHONE));
            assertThat(ExistingMethodProof.asked(browser)).isTrue();
            ExistingMethodProof.bySms(browser, twilio.twilio());
            // The phone typed before the proof gets its code at once.
            String code = Codes.in(twilio.twilio().awaitRequests(2, Duration.ofSeconds(5)).get(1).body());
            browser.submit(Map.of("action", "verify", "code", code));

            // Even with a second phone the console's Remove (Keycloak's own removal) is refused: a password
            // holder could use it without proving anything.
            assertThat(account.credentialType("sspr-mobile-phone").path("removeable").asBoolean()).isFalse();
            assertThat(account.remove(phoneId)).isEqualTo(400);

            // On the page, already proven in this sign-in, one phone may go; the last one may not.
            browser.submit(Map.of("removeCredential", phoneId));
            assertThat(browser.html()).contains("The method has been removed.");
            browser.submit(Map.of("removeCredential", RegistrationAdmin.credentialId(realm, ACCO, "sspr-mobile-phone")));
            assertThat(browser.html()).contains("You cannot remove this method");
            browser.submit(Map.of("action", "confirm"));
            assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("kc_action_status=success");
        }
        assertThat(account.credentialType("sspr-mobile-phone").path("userCredentialMetadatas")).hasSize(1);
        assertThat(RegistrationAdmin.credentialTypes(realm, ACCO)).containsExactlyInAnyOrder("sspr-mobile-phone",
                "sspr-alternate-email");
    }

    @Test
    void aHelpDeskRemovalByAnAdminSendsTheUserToRegistrationAtTheNextSignIn() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        assertThat(TestAppLogin.signedIn(signIn(HEDDA, PASSWORD))).isTrue();

        // Users → hedda → Credentials → delete the alternate email (the admin API the console calls).
        String userId = RegistrationAdmin.userId(realm, HEDDA);
        assertThat(RegistrationAdmin.credentialTypes(realm, HEDDA)).contains("sspr-mobile-phone", "sspr-alternate-email");
        realm.admin().users().get(userId).removeCredential(
                RegistrationAdmin.credentialId(realm, HEDDA, "sspr-alternate-email"));

        FormBrowser browser = signIn(HEDDA, PASSWORD);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        assertThat(browser.textOf("sspr-register-status")).contains("1 of the 2");
        assertThat(browser.html()).doesNotContain("sspr-email-1");
    }

    @Test
    void withGraceDaysTheUserMayPostponeUntilTheGracePeriodEnds() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.graceDays", "14"));
        FormBrowser browser = signIn(GUS, PASSWORD);
        assertThat(browser.textOf("sspr-register-status")).contains("0 of the 2");
        assertThat(browser.html()).contains("id=\"sspr-skip\"");
        browser.submit(Map.of("action", "skip"));
        assertThat(TestAppLogin.signedIn(browser)).isTrue();

        // Still within the period (counted from the first prompt): asked again, may skip again.
        timeOffSet.set(Duration.ofDays(13));
        browser = signIn(GUS, PASSWORD);
        assertThat(browser.html()).contains("id=\"sspr-skip\"");

        // After it: no "Not now", and a forged skip is refused.
        timeOffSet.set(Duration.ofDays(15));
        browser = signIn(GUS, PASSWORD);
        assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");
        assertThat(browser.html()).doesNotContain("id=\"sspr-skip\"");
        browser.submit(Map.of("action", "skip"));
        assertThat(browser.html()).contains("Registration can no longer be postponed.");
        assertThat(TestAppLogin.signedIn(browser)).isFalse();

        List<Map<String, String>> events = RealmEvents.ssprDetails(realm);
        assertThat(events).anySatisfy(details -> assertThat(details).containsEntry("sspr_step", "skipped"));
        assertThat(events).anySatisfy(details -> assertThat(details)
                .containsEntry("sspr_reason", "grace_period_over"));
    }

    private FormBrowser signIn(String username, String password) throws Exception {
        return TestAppLogin.submitPassword(urls.getBase(), realm.getName(), username, password);
    }

    /** The questions form: question and answer per row, in order. */
    private static Map<String, String> questions(String... questionAndAnswer) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", "save-questions");
        for (int i = 0; i < questionAndAnswer.length / 2; i++) {
            fields.put("question-" + (i + 1), questionAndAnswer[2 * i]);
            fields.put("answer-" + (i + 1), questionAndAnswer[2 * i + 1]);
        }
        return fields;
    }

    public static final class ManagementRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            String now = Long.toString(Instant.now().getEpochSecond());
            // Own realm name: send budgets are keyed by realm, and they outlive a deleted realm of the same name.
            return SsprResetRealm.configure(realm.name("sspr-security-info"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-questions",
                            "sspr.methods.required", "2",
                            "sspr.budget.sends.per.user", "50",
                            "sspr.budget.sends.per.destination", "20",
                            "sspr.budget.sends.per.ip", "100",
                            "sspr.captcha.difficulty", "1000"))
                    .users(user(QUINN).credential(SeededCredentials.mobilePhone(QUINN_PHONE)),
                            // Imported users get no default roles; the Account Console needs manage-account.
                            user(ACCO).realmRoles("default-roles-sspr-security-info").credential(SeededCredentials.mobilePhone(ACCO_PHONE))
                                    .credential(SeededCredentials.alternateEmail("acco.home@example.net"))
                                    .attribute("sspr.confirmedAt", now),
                            user(HEDDA).credential(SeededCredentials.mobilePhone("+4917000000063"))
                                    .credential(SeededCredentials.alternateEmail("hedda.home@example.net"))
                                    .attribute("sspr.confirmedAt", now),
                            user(GUS));
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + "@example.org").emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
