package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.StandInNames;
import io.github.keycloaksspr.it.support.Totp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
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
 * Guessing is bounded per account, whatever the session: an attacker starts each try in a fresh session (one cheap
 * CAPTCHA), races one session with concurrent posts, or types a name that does not exist. Under a 1-method policy
 * that offers the authenticator app and security questions, five wrong answers block the account from SSPR.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class AttemptLedgerIT {

    static final String REALM = "sspr-ledger";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-new-Passw0rd!";
    static final String BLOCKED = "Too many attempts: self-service password reset is blocked for this account for now";
    static final int LIMIT = 5;

    @InjectRealm(config = LedgerRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    /** The test app's redirect target: a reset that ends signed in lands here. */
    @InjectHttpServer
    HttpServer httpServer;

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), realm.getName()).start();
    }

    @Test
    void guessingTotpInFreshSessionsBlocksTheAccountAndThenTheRightCodeIsRefused() throws Exception {
        String secret = "ledger-totp-secret-01234567";
        String user = "tina";
        // A session that reached the code page before the attack: it will present the right code afterwards.
        ResetJourney patient = journey().chooseAccount(user).selectMethod("sspr-totp");

        List<String> pages = guessInFreshSessions(user, "sspr-totp", j -> j.enterCode(wrongTotp(secret)));

        assertThat(pages.subList(0, LIMIT - 1)).as("wrong codes before the limit").allMatch(p -> p.contains("That code is not right"));
        assertThat(pages.get(LIMIT - 1)).as("the wrong code that reaches the limit").contains(BLOCKED);
        assertThat(pages.subList(LIMIT, pages.size())).as("every later try, from a fresh session")
                .allMatch(p -> p.contains(BLOCKED));
        patient.enterCode(Totp.now(secret));
        assertThat(patient.html()).as("the right code is not even checked").contains(BLOCKED);
        assertThat(patient.signedIn()).isFalse();
        assertThat(patient.fieldNames()).doesNotContain("password-new");

        assertThat(api().get("blocks/" + userId(user)).get("blocked").asBoolean()).isTrue();
        assertThat(auditRows("blocked_from_sspr")).anySatisfy(row -> {
            assertThat(row.get("username").asText()).isEqualTo(user);
            assertThat(row.get("reason").asText()).isEqualTo("too_many_attempts");
        });
        assertThat(api().get("insights").get("activities").toString()).contains("blocked_from_sspr");
    }

    @Test
    void guessingSecurityAnswersIsBoundedTheSameWay() throws Exception {
        String user = "quinn";
        ResetJourney patient = journey().chooseAccount(user).selectMethod("sspr-questions");
        List<String> rightAnswers = patient.askedQuestions().stream().map(SelfServiceResetIT.TomAnswers.BY_QUESTION::get).toList();

        List<String> pages = guessInFreshSessions(user, "sspr-questions",
                j -> j.answer(j.askedQuestions().stream().map(q -> "wrong").toList()));

        assertThat(pages.get(LIMIT - 1)).contains(BLOCKED);
        assertThat(pages.subList(LIMIT, pages.size())).allMatch(p -> p.contains(BLOCKED));
        patient.answer(rightAnswers);
        assertThat(patient.html()).contains(BLOCKED);
        assertThat(patient.fieldNames()).doesNotContain("password-new");
    }

    /**
     * A fresh session must not draw other questions (one could shop for easier ones): the same questions, in the same
     * order, in every session of the attempt window, for an account and for a name nobody has alike.
     */
    @Test
    void theQuestionsAskedAreTheSameInEverySessionOfTheWindow() throws Exception {
        String stranger = StandInNames.offering(this::journey, "no-such-quizzee", "sspr-questions");
        for (String name : List.of("quentin", stranger)) {
            List<String> first = journey().chooseAccount(name).selectMethod("sspr-questions").askedQuestions();
            assertThat(first).as(name).hasSize(3);
            for (int session = 0; session < 4; session++) {
                assertThat(journey().chooseAccount(name).selectMethod("sspr-questions").askedQuestions())
                        .as("%s, fresh session %d", name, session).isEqualTo(first);
            }
        }
    }

    @Test
    void anUnknownNameMeetsTheSamePagesAfterTheSameNumberOfTries() throws Exception {
        List<String> real = guessInFreshSessions("uma", "sspr-totp", j -> j.enterCode("000000")).stream()
                .map(AttemptLedgerIT::outcome).toList();
        String stranger = StandInNames.offering(this::journey, "no-such-user", "sspr-totp");
        List<String> unknown = guessInFreshSessions(stranger, "sspr-totp", j -> j.enterCode("000000"))
                .stream().map(AttemptLedgerIT::outcome).toList();

        assertThat(unknown).isEqualTo(real);
        assertThat(real.get(LIMIT)).isEqualTo("blocked");
    }

    /**
     * Ten sessions wait on the code page, then all post a wrong code at the same moment: at most the limit of answers
     * is checked, however many arrive at once; the rest are refused unchecked.
     */
    @Test
    void answersPostedAtOnceFromManySessionsAreCheckedAtMostLimitTimes() throws Exception {
        String user = "cora";
        String secret = "ledger-totp-secret-76543210";
        List<ResetJourney> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(journey().chooseAccount(user).selectMethod("sspr-totp"));
        }
        String wrong = wrongTotp(secret);

        ExecutorService attackers = Executors.newFixedThreadPool(waiting.size());
        try {
            List<Future<ResetJourney>> posted = new ArrayList<>();
            for (ResetJourney journey : waiting) {
                posted.add(attackers.submit(() -> journey.enterCode(wrong)));
            }
            for (Future<ResetJourney> answer : posted) {
                answer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            attackers.shutdownNow();
        }

        // Every post leaves an event: a checked answer its wrong_code (the one that blocks also too_many_attempts), a
        // refused one too_many_attempts. Keycloak may store the last just after their pages were answered: wait until
        // all ten posts are on record, then count how many were checked.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (reasonsFor(user).stream().filter(r -> r.equals("wrong_code") || r.equals("too_many_attempts")).count()
                < waiting.size() + 1 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(reasonsFor(user).stream().filter("wrong_code"::equals)).as("answers checked").hasSize(LIMIT);
        assertThat(waiting.stream().filter(j -> j.html().contains(BLOCKED))).as("pages saying blocked")
                .hasSizeGreaterThanOrEqualTo(10 - LIMIT + 1);
        assertThat(api().get("blocks/" + userId(user)).get("blocked").asBoolean()).isTrue();
    }

    /**
     * Ten posts of one session at once: Keycloak answers a post whose page is no longer current with a redirect,
     * and every post it does process takes a try of the ledger, so the limit still falls after exactly five.
     */
    @Test
    void postsRacingInOneSessionEachTakeATryWhenChecked() throws Exception {
        String user = "rita";
        String secret = "ledger-totp-secret-rita-0001";
        ResetJourney racing = journey().chooseAccount(user).selectMethod("sspr-totp");

        racing.browser().submitConcurrently(Map.of("code", wrongTotp(secret)), 10);
        long checked = reasonsFor(user).stream().filter("wrong_code"::equals).count();

        assertThat(checked).as("posts Keycloak processed").isBetween(1L, (long) LIMIT);
        List<String> pages = guessInFreshSessions(user, "sspr-totp", j -> j.enterCode(wrongTotp(secret)));
        assertThat(pages.stream().map(AttemptLedgerIT::outcome).toList().indexOf("blocked"))
                .as("further wrong answers before the block").isEqualTo(LIMIT - (int) checked - 1);
    }

    private List<String> reasonsFor(String username) {
        String id = userId(username);
        return RealmEvents.all(realm).stream().filter(e -> id.equals(e.getUserId()))
                .map(e -> e.getDetails() == null ? "" : e.getDetails().getOrDefault("sspr_reason", ""))
                .toList();
    }

    @Test
    void theHelpDeskLiftsABlockAndTheUserResets() throws Exception {
        String user = "hugo";
        String secret = "ledger-totp-secret-hugo-0001";
        guessInFreshSessions(user, "sspr-totp", j -> j.enterCode(wrongTotp(secret)));
        assertThat(journey().chooseAccount(user).html()).contains(BLOCKED);

        JsonNode lifted = api().delete("blocks/" + userId(user));

        assertThat(lifted.get("wasBlocked").asBoolean()).isTrue();
        assertThat(api().get("blocks/" + userId(user)).get("blocked").asBoolean()).isFalse();
        ResetJourney journey = journey().chooseAccount(user).selectMethod("sspr-totp").enterCode(Totp.now(secret));
        assertThat(journey.fieldNames()).contains("password-new");
        journey.setNewPassword(NEW_PASSWORD);
        // Hugo's sign-in asks his authenticator app: the reset ends on the sign-in page, the password changed.
        assertThat(journey.html()).contains("Your password was changed. Sign in with your new password.");
        assertThat(auditRows("blocked_from_sspr")).anySatisfy(row -> {
            assertThat(row.get("username").asText()).isEqualTo(user);
            assertThat(row.get("step").asText()).isEqualTo("unblocked");
            assertThat(row.get("outcome").asText()).isEqualTo("success");
        });
        assertThat(RealmEvents.ssprDetails(realm)).anySatisfy(d -> assertThat(d)
                .containsEntry("sspr_reason", "too_many_attempts"));
    }

    /** Each try in a fresh session, as an attacker scripts it; the page after each answer (or after naming). */
    private List<String> guessInFreshSessions(String user, String method, Answer answer) throws Exception {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < LIMIT + 3; i++) {
            ResetJourney journey = journey().chooseAccount(user);
            if (journey.html().contains(BLOCKED)) {
                pages.add(journey.html());
                continue;
            }
            journey.selectMethod(method);
            answer.give(journey);
            pages.add(journey.html());
        }
        return pages;
    }

    private static String outcome(String page) {
        if (page.contains(BLOCKED)) {
            return "blocked";
        }
        return page.contains("That code is not right") ? "wrong" : "other: " + page;
    }

    /** A code the app does not show now (nor in the windows either side). */
    private static String wrongTotp(String secret) {
        String now = Totp.now(secret);
        return String.format("%06d", (Integer.parseInt(now) + 500_000) % 1_000_000);
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private SsprAdminApi api() {
        return new SsprAdminApi(urls.getBase(), realm.getName(), adminClient);
    }

    private List<JsonNode> auditRows(String activity) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        api().get("audit?activity=" + activity).forEach(rows::add);
        return rows;
    }

    @FunctionalInterface
    interface Answer {
        void give(ResetJourney journey) throws Exception;
    }

    public static final class LedgerRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-totp##sspr-questions",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000",
                            "sspr.attempts.per.account", Integer.toString(LIMIT),
                            "sspr.attempts.per.ip", "100"))
                    .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")))
                    .users(user("tina").totpSecret("ledger-totp-secret-01234567"),
                            user("quinn").credential(SeededCredentials.securityQuestions(SelfServiceResetIT.TomAnswers.BY_KEY)),
                            user("quentin").credential(SeededCredentials.securityQuestions(SelfServiceResetIT.TomAnswers.BY_KEY)),
                            user("uma").totpSecret("ledger-totp-secret-uma-00001"),
                            user("cora").totpSecret("ledger-totp-secret-76543210"),
                            user("rita").totpSecret("ledger-totp-secret-rita-0001"),
                            user("hugo").totpSecret("ledger-totp-secret-hugo-0001"));
        }

        private static UserBuilder user(String name) {
            return UserBuilder.create(name).email(name + "@ledger.example").emailVerified(true)
                    .name(name, "Example").password(PASSWORD).enabled(true);
        }
    }
}
