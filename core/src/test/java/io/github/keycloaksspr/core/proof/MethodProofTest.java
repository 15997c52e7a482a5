package io.github.keycloaksspr.core.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.keys.SubjectHasher;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.policy.AttemptLimits;
import io.github.keycloaksspr.core.testing.InMemorySlots;
import io.github.keycloaksspr.core.testing.MutableClock;
import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Every transition of the one proof engine, as the reset and the step-up before a change of security info use it. */
class MethodProofTest {

    private static final MethodOutcome WRONG = MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code");
    private static final MethodOutcome EXPIRED = MethodOutcome.spent("ssprErrorCodeExpired", CodeChallenges.CODE_EXPIRED);
    private static final MethodOutcome UNDELIVERED = MethodOutcome.spent("ssprErrorSendFailed",
            CodeChallenges.DELIVERY_FAILED);
    private static final MethodOutcome EXHAUSTED = MethodOutcome.spent("ssprErrorCodeExhausted", "too_many_wrong_codes");
    private static final MethodOutcome RIGHT = MethodOutcome.verified();

    private final ScriptedMethod sms = new ScriptedMethod("sspr-sms", Factor.MOBILE_PHONE);
    private final ScriptedMethod voice = new ScriptedMethod("sspr-voice", Factor.MOBILE_PHONE);
    private final ScriptedMethod email = new ScriptedMethod("sspr-email", Factor.ALTERNATE_EMAIL);
    private final ScriptedMethod app = new ScriptedMethod("sspr-totp", Factor.AUTHENTICATOR_APP);

    private final Map<String, String> authNotes = new HashMap<>();
    private final SessionProofNotes notes = new SessionProofNotes(Proxies.of(AuthenticationSessionModel.class, Map.of(
            "getAuthNote", a -> authNotes.get((String) a[0]),
            "setAuthNote", a -> authNotes.put((String) a[0], (String) a[1]),
            "removeAuthNote", a -> authNotes.remove((String) a[0]))), "test.proof");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final InMemorySlots slots = new InMemorySlots(clock);
    private final AttemptLedger attempts = new AttemptLedger(slots, clock, new SubjectHasher(new byte[32]), "realm-1",
            new AttemptLimits(3, 50, Duration.ofHours(1)));
    private final RecordingHost host = new RecordingHost();
    private final UserModel alice = Proxies.of(UserModel.class, Map.of("getId", a -> "alice-id"));

    @Test
    void theListOffersEveryCandidateWithItsHintAndNoCodeGoesOutBeforeOneIsPicked() {
        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof(ProofRules.of(List.of(sms, email), 1)).resume();

        assertThat(list.choices()).extracting(MethodPages.MethodChoice::id).containsExactly("sspr-sms", "sspr-email");
        assertThat(list.choices()).extracting(MethodPages.MethodChoice::hint).containsExactly("hint of sspr-sms",
                "hint of sspr-email");
        assertThat(list.step()).isEqualTo(1);
        assertThat(list.of()).isEqualTo(1);
        assertThat(list.errorKey()).isNull();
        assertThat(sms.started() + email.started()).isZero();
    }

    @Test
    void pickingAMethodStartsItsChallengeOnceAndARefreshShowsTheSamePage() {
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));

        ProofStep.AnswerMethod page = (ProofStep.AnswerMethod) proof.select("sspr-sms");
        assertThat(page.methodId()).isEqualTo("sspr-sms");
        assertThat(page.wrongAnswer()).isFalse();
        assertThat(notes.currentMethod()).isEqualTo("sspr-sms");

        assertThat(proof.resume()).isInstanceOf(ProofStep.AnswerMethod.class);
        assertThat(proof.answering()).isTrue();
        assertThat(sms.started()).as("the method itself keeps a live code; the engine asks it again").isEqualTo(2);
    }

    @Test
    void aMethodTheListDidNotOfferIsRefusedAndNothingStarts() {
        MethodProof proof = proof(ProofRules.of(List.of(sms), 1));

        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.select("sspr-forged");

        assertThat(list.errorKey()).isEqualTo(MethodProof.CHOOSE_METHOD_KEY);
        assertThat(host.events).containsExactly("not offered sspr-forged");
        assertThat(notes.currentMethod()).isNull();
    }

    @Test
    void aWrongAnswerShowsTheAnswerPageAgainAndKeepsItsLedgerSlot() {
        sms.answers(WRONG);
        MethodProof proof = proof(ProofRules.of(List.of(sms), 1));
        proof.select("sspr-sms");

        ProofStep.AnswerMethod again = (ProofStep.AnswerMethod) proof.answer(new MultivaluedHashMap<>());

        assertThat(again.errorKey()).isEqualTo("ssprErrorWrongCode");
        assertThat(again.wrongAnswer()).isTrue();
        assertThat(host.events).containsExactly("failed sspr-sms wrong_code");
        assertThat(slots.claimed()).as("one slot of the account, one of the address").hasSize(2);
    }

    @Test
    void anExpiredOrUndeliveredCodeWasNoGuessTheSlotGoesBackAndTheMethodMayBePickedAgain() {
        sms.answers(EXPIRED, UNDELIVERED);
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));

        for (String reason : List.of(CodeChallenges.CODE_EXPIRED, CodeChallenges.DELIVERY_FAILED)) {
            proof.select("sspr-sms");
            ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.answer(new MultivaluedHashMap<>());
            assertThat(list.choices()).extracting(MethodPages.MethodChoice::id).as(reason).contains("sspr-sms");
            assertThat(host.events).last().isEqualTo("failed sspr-sms " + reason);
        }
        assertThat(slots.claimed()).isEmpty();
        assertThat(notes.currentMethod()).isNull();
    }

    @Test
    void aSpentMethodIsOverForThisProofAndWhenNoneIsLeftTheProofEnds() {
        sms.answers(EXHAUSTED);
        email.answers(EXHAUSTED);
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));

        proof.select("sspr-sms");
        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.answer(new MultivaluedHashMap<>());
        assertThat(list.choices()).extracting(MethodPages.MethodChoice::id).containsExactly("sspr-email");
        assertThat(list.errorKey()).isEqualTo("ssprErrorCodeExhausted");
        assertThat(proof.select("sspr-sms")).as("a spent method cannot be picked by a forged post")
                .isInstanceOf(ProofStep.ChooseMethod.class);

        proof.select("sspr-email");
        assertThat(proof.answer(new MultivaluedHashMap<>())).isInstanceOf(ProofStep.NothingLeft.class);
        assertThat(notes.spentMethods()).containsExactly("sspr-sms", "sspr-email");
    }

    @Test
    void aRefusedChallengeGoesBackToTheListSayingWhy() {
        sms.refusing("ssprErrorSendLimit", "sms_limit_reached");
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));

        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.select("sspr-sms");

        assertThat(list.errorKey()).isEqualTo("ssprErrorSendLimit");
        assertThat(host.events).containsExactly("failed sspr-sms sms_limit_reached");
        assertThat(notes.currentMethod()).isNull();
    }

    @Test
    void theAnswerThatReachesTheLimitBlocksAndAfterItNothingIsCheckedOrSent() {
        sms.answers(WRONG, WRONG, WRONG, RIGHT);
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));
        proof.select("sspr-sms");
        proof.answer(new MultivaluedHashMap<>());
        proof.answer(new MultivaluedHashMap<>());

        ProofStep.AnswerMethod third = (ProofStep.AnswerMethod) proof.answer(new MultivaluedHashMap<>());
        assertThat(third.errorKey()).isEqualTo(MethodProof.BLOCKED_KEY);
        assertThat(host.subjectBlockedNow).isEqualTo(1);
        assertThat(host.events).contains("blocked");

        assertThat(proof.answer(new MultivaluedHashMap<>())).as("even the right code").isInstanceOf(
                ProofStep.Blocked.class);
        assertThat(sms.checked()).isEqualTo(3);
        int sent = sms.started() + email.started();
        assertThat(proof.select("sspr-email")).isInstanceOf(ProofStep.Blocked.class);
        assertThat(proof.resume()).isInstanceOf(ProofStep.Blocked.class);
        assertThat(sms.started() + email.started()).as("no code after the block").isEqualTo(sent);
    }

    /** The answer that blocks also spent the code: nothing is asked of the method again, so no new code goes out. */
    @Test
    void aBlockThatAlsoSpendsTheCodeSendsNoNewOne() {
        sms.answers(WRONG, WRONG, EXHAUSTED);
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));
        proof.select("sspr-sms");
        proof.answer(new MultivaluedHashMap<>());
        proof.answer(new MultivaluedHashMap<>());
        int sent = sms.started();

        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.answer(new MultivaluedHashMap<>());

        assertThat(list.errorKey()).isEqualTo(MethodProof.BLOCKED_KEY);
        assertThat(sms.started()).isEqualTo(sent);
        assertThat(proof.answer(new MultivaluedHashMap<>())).as("an answer without a method, blocked")
                .isInstanceOf(ProofStep.Blocked.class);
        assertThat(proof.select("sspr-email")).isInstanceOf(ProofStep.Blocked.class);
    }

    @Test
    void oneRightAnswerProvesWhenOneFactorIsRequired() {
        sms.answers(RIGHT);
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));
        proof.select("sspr-sms");

        assertThat(proof.answer(new MultivaluedHashMap<>())).isInstanceOf(ProofStep.Proven.class);
        assertThat(proof.proven()).isTrue();
        assertThat(notes.provenFactors()).containsExactly("mobile-phone");
        assertThat(host.events).containsExactly("proven sspr-sms 1");
        assertThat(slots.claimed()).as("a right answer gives its slot back").isEmpty();
        assertThat(proof.resume()).isInstanceOf(ProofStep.Proven.class);
    }

    @Test
    void anAdministratorProvesTwoDistinctFactorsAndTheSecondMethodOfTheSamePhoneDoesNotCount() {
        sms.answers(RIGHT);
        app.answers(RIGHT);
        MethodProof proof = proof(new ProofRules(List.of(sms, voice, app), 2, 1, false));

        ProofStep.ChooseMethod first = (ProofStep.ChooseMethod) proof.resume();
        assertThat(first.of()).as("before a first proof the page shows what anyone needs").isEqualTo(1);
        proof.select("sspr-sms");

        ProofStep.AnswerMethod next = (ProofStep.AnswerMethod) proof.answer(new MultivaluedHashMap<>());
        assertThat(next.methodId()).as("the one factor left starts at once; the call to the same phone is gone")
                .isEqualTo("sspr-totp");
        assertThat(next.step()).isEqualTo(2);
        assertThat(next.of()).isEqualTo(2);
        assertThat(proof.proven()).isFalse();

        assertThat(proof.answer(new MultivaluedHashMap<>())).isInstanceOf(ProofStep.Proven.class);
        assertThat(notes.provenFactors()).containsExactly("mobile-phone", "authenticator-app");
    }

    @Test
    void aMethodWhoseContactBouncedIsListedAsUnavailableCannotBeChosenAndSendsNothing() {
        sms.unreachableFor("invalid_number");
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));

        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.resume();
        assertThat(list.choices()).extracting(MethodPages.MethodChoice::id, MethodPages.MethodChoice::unavailableKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sspr-sms", "ssprUnreachableInvalidNumber"),
                        org.assertj.core.groups.Tuple.tuple("sspr-email", ""));
        assertThat(proof.select("sspr-sms")).as("refused like a method not offered")
                .isInstanceOf(ProofStep.ChooseMethod.class);
        assertThat(sms.started()).isZero();

        email.unreachableFor("mailbox_refused");
        assertThat(proof.choose(null)).as("nothing left that can be reached").isInstanceOf(ProofStep.NothingLeft.class);
    }

    @Test
    void aProofOfChosenMethodsOnlyListsTheLoneMethodLeftInsteadOfStartingIt() {
        sms.answers(RIGHT);
        MethodProof proof = proof(new ProofRules(List.of(sms, voice, app), 2, 2, false).chosenOnly());
        proof.select("sspr-sms");

        ProofStep.ChooseMethod next = (ProofStep.ChooseMethod) proof.answer(new MultivaluedHashMap<>());
        assertThat(next.choices()).extracting(MethodPages.MethodChoice::id).as("nothing goes out before a choice")
                .containsExactly("sspr-totp");
        assertThat(next.step()).isEqualTo(2);
    }

    @Test
    void aStandInIsNeverProvenEvenByTheRightCodeAndItsBlockTellsNobody() {
        sms.answers(RIGHT, RIGHT, RIGHT);
        MethodProof proof = proof(new ProofRules(List.of(sms, email), 1, 1, true));
        proof.select("sspr-sms");

        ProofStep.AnswerMethod again = (ProofStep.AnswerMethod) proof.answer(new MultivaluedHashMap<>());
        assertThat(again.errorKey()).isEqualTo("ssprErrorWrongCode");
        assertThat(host.events).containsExactly("failed sspr-sms wrong_code");
        proof.answer(new MultivaluedHashMap<>());
        assertThat(((ProofStep.AnswerMethod) proof.answer(new MultivaluedHashMap<>())).errorKey())
                .isEqualTo(MethodProof.BLOCKED_KEY);
        assertThat(proof.proven()).isFalse();
        assertThat(host.subjectBlockedNow).as("there is no owner to tell").isZero();
    }

    @Test
    void backLeavesTheMethodForTheList() {
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 1));
        proof.select("sspr-email");

        assertThat(proof.back()).isInstanceOf(ProofStep.ChooseMethod.class);
        assertThat(proof.answering()).isFalse();
        assertThat(proof.answer(new MultivaluedHashMap<>())).as("an answer without a method is no answer")
                .isInstanceOf(ProofStep.ChooseMethod.class);
        assertThat(email.checked()).isZero();
        assertThat(slots.claimed()).isEmpty();
    }

    @Test
    void aFactorProvenOutsideTheListIsNotOfferedAgain() {
        notes.addFactor(Factor.ALTERNATE_EMAIL.id());
        MethodProof proof = proof(ProofRules.of(List.of(sms, email), 2));

        ProofStep.ChooseMethod list = (ProofStep.ChooseMethod) proof.choose(null);

        assertThat(list.choices()).extracting(MethodPages.MethodChoice::id).containsExactly("sspr-sms");
        assertThat(list.step()).isEqualTo(2);
    }

    private MethodProof proof(ProofRules rules) {
        MethodContext context = new MethodContext(null, null, null, null, "203.0.113.9", Locale.ENGLISH);
        return new MethodProof(context, alice, rules, notes, host, host);
    }

    /** The host's side: events as text, and the ledger of the account and one client address. */
    private final class RecordingHost implements ProofListener, ProofLedger {

        final List<String> events = new ArrayList<>();
        int subjectBlockedNow;

        @Override
        public void proven(SsprMethod method, int provenCount) {
            events.add("proven " + method.id() + " " + provenCount);
        }

        @Override
        public void failed(String methodId, String reason) {
            events.add("failed " + methodId + " " + reason);
        }

        @Override
        public void notOffered(String methodId) {
            events.add("not offered " + methodId);
        }

        @Override
        public void blocked() {
            events.add("blocked");
        }

        @Override
        public boolean isBlocked() {
            return attempts.isBlocked(LedgerSubject.account("alice-id"), "203.0.113.9");
        }

        @Override
        public Optional<AttemptLedger.Attempt> reserve() {
            return attempts.reserve(LedgerSubject.account("alice-id"), "203.0.113.9");
        }

        @Override
        public void subjectBlockedNow() {
            subjectBlockedNow++;
        }
    }
}
