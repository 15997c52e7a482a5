package io.github.keycloaksspr.core.proof;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.models.UserModel;

/**
 * Proving N of M methods, one challenge at a time, until as many distinct factors are proven as the rules require:
 * the one state machine of the reset and of the step-up before a change of security info. Every answer first takes a
 * slot of the attempt ledger; a factor proven once is not offered again, so nothing counts twice; a method that is
 * over (a code guessed too often) is over for this proof. For a stand-in no answer is ever right.
 */
public final class MethodProof {

    /** Shown when the ledger blocks the proof. */
    public static final String BLOCKED_KEY = "ssprErrorBlocked";
    public static final String CHOOSE_METHOD_KEY = "ssprErrorChooseMethod";

    /**
     * A code that only expired, or whose send failed, was no guess: its ledger slot goes back and the method may be
     * picked again (a new code, within the send budgets).
     */
    static final Set<String> NOTHING_GUESSED = Set.of(CodeChallenges.CODE_EXPIRED, CodeChallenges.NO_LIVE_CODE,
            CodeChallenges.DELIVERY_FAILED);

    private final MethodContext methods;
    private final UserModel account;
    private final ProofRules rules;
    private final ProofNotes notes;
    private final ProofLedger ledger;
    private final ProofListener listener;

    public MethodProof(MethodContext methods, UserModel account, ProofRules rules, ProofNotes notes,
                       ProofLedger ledger, ProofListener listener) {
        this.methods = methods;
        this.account = account;
        this.rules = rules;
        this.notes = notes;
        this.ledger = ledger;
        this.listener = listener;
    }

    /** The proof is entered or re-entered (a refresh, the back button). */
    public ProofStep resume() {
        if (proven()) {
            return new ProofStep.Proven();
        }
        if (ledger.isBlocked()) {
            return blocked();
        }
        Optional<SsprMethod> current = selectable(notes.currentMethod());
        return current.isPresent() ? startChallenge(current.get()) : choose(null);
    }

    /** The user picked a method from the list. */
    public ProofStep select(String methodId) {
        if (ledger.isBlocked()) {
            return blocked();
        }
        Optional<SsprMethod> method = selectable(methodId);
        if (method.isEmpty()) {
            listener.notOffered(methodId);
            return choose(CHOOSE_METHOD_KEY);
        }
        notes.selectMethod(methodId);
        return startChallenge(method.get());
    }

    /** The user answered the current method's challenge. */
    public ProofStep answer(MultivaluedMap<String, String> form) {
        Optional<SsprMethod> current = offered(notes.currentMethod());
        if (current.isEmpty()) {
            notes.leaveMethod();
            return ledger.isBlocked() ? blocked() : choose(null);
        }
        SsprMethod method = current.get();
        Optional<AttemptLedger.Attempt> attempt = ledger.reserve();
        if (attempt.isEmpty()) {
            return blocked();
        }
        MethodOutcome outcome = neverProvenByStandIn(method.verify(methods, account, form));
        if (countAgainstLedger(attempt.get(), outcome)) {
            // Its page once more, saying the proof is blocked; a method that is now spent too goes back to the list
            // instead, since asking it again would send a new code after the block.
            listener.failed(method.id(), outcome.reason());
            listener.blocked();
            if (outcome.status() == MethodOutcome.Status.SPENT) {
                notes.markSpent(method.id());
                return choose(BLOCKED_KEY);
            }
            return answerAgain(method, BLOCKED_KEY);
        }
        return switch (outcome.status()) {
            case VERIFIED -> {
                notes.recordProven(method.id(), method.factorFor(methods, account));
                listener.proven(method, provenFactors().size());
                yield proven() ? new ProofStep.Proven() : continueWithNextMethod();
            }
            case WRONG -> {
                listener.failed(method.id(), outcome.reason());
                yield answerAgain(method, outcome.errorKey());
            }
            case SPENT -> {
                if (NOTHING_GUESSED.contains(outcome.reason())) {
                    notes.leaveMethod();
                } else {
                    notes.markSpent(method.id());
                }
                listener.failed(method.id(), outcome.reason());
                yield choose(outcome.errorKey());
            }
        };
    }

    /** The user left the current method's page for the list. */
    public ProofStep back() {
        notes.leaveMethod();
        return choose(null);
    }

    /** The method list, saying {@code errorKey} when not null; the end when nothing is left to try. */
    public ProofStep choose(String errorKey) {
        return choose(errorKey, List.of());
    }

    private ProofStep choose(String errorKey, List<String> errorArgs) {
        List<SsprMethod> left = offered();
        if (selectable().isEmpty()) {
            return new ProofStep.NothingLeft();
        }
        List<MethodPages.MethodChoice> choices = left.stream()
                .map(m -> new MethodPages.MethodChoice(m.id(), MethodPages.labelKey(m.id()),
                        m.maskedHint(methods, account),
                        m.unreachable(methods, account).map(MethodPages::unreachableKey).orElse("")))
                .toList();
        return new ProofStep.ChooseMethod(choices, step(), shownRequired(), errorKey, errorArgs);
    }

    /** Whether a method has been picked and not yet left. */
    public boolean answering() {
        return notes.currentMethod() != null;
    }

    /** How many distinct factors make the proof. */
    public int required() {
        return rules.required();
    }

    /** Whether as many distinct factors as required are proven; never for a stand-in. */
    public boolean proven() {
        return !rules.standIn() && Factor.enough(provenFactors(), rules.required());
    }

    /**
     * After a proof: when a single method is left, its challenge starts at once (a list of one is a click for
     * nothing); otherwise the list. Only a proven account gets here, so no stranger sees the difference.
     */
    private ProofStep continueWithNextMethod() {
        List<SsprMethod> left = selectable();
        if (left.size() == 1 && rules.startsLoneMethod()) {
            notes.selectMethod(left.get(0).id());
            return startChallenge(left.get(0));
        }
        return choose(null);
    }

    private ProofStep startChallenge(SsprMethod method) {
        MethodChallenge challenge = method.challenge(methods, account);
        if (!challenge.started()) {
            notes.leaveMethod();
            listener.failed(method.id(), challenge.reason());
            return choose(challenge.errorKey(), challenge.errorArgs());
        }
        return new ProofStep.AnswerMethod(method.id(), challenge, step(), shownRequired(), null, false);
    }

    /**
     * The method's answer page again, saying {@code errorKey}; when the method cannot be answered any more (its code
     * could not be sent, which the send reports after the page that showed it), the list saying why instead.
     */
    private ProofStep answerAgain(SsprMethod method, String errorKey) {
        MethodChallenge again = method.challenge(methods, account);
        if (!again.started()) {
            notes.leaveMethod();
            listener.failed(method.id(), again.reason());
            return BLOCKED_KEY.equals(errorKey) ? choose(errorKey) : choose(again.errorKey(), again.errorArgs());
        }
        return new ProofStep.AnswerMethod(method.id(), again, step(), shownRequired(), errorKey, true);
    }

    private ProofStep blocked() {
        listener.blocked();
        return new ProofStep.Blocked();
    }

    /** A stand-in's code is never sent, so a right code can only be a guess: it counts as wrong like any other. */
    private MethodOutcome neverProvenByStandIn(MethodOutcome outcome) {
        return rules.standIn() && outcome.status() == MethodOutcome.Status.VERIFIED
                ? MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code") : outcome;
    }

    /**
     * A right answer gives its ledger slot back, and so does a code that only expired (nothing was guessed); any
     * other answer keeps it. @return whether this answer blocked the proof
     */
    private boolean countAgainstLedger(AttemptLedger.Attempt attempt, MethodOutcome outcome) {
        if (outcome.status() == MethodOutcome.Status.VERIFIED || NOTHING_GUESSED.contains(outcome.reason())) {
            attempt.succeeded();
            return false;
        }
        AttemptLedger.Failure failure = attempt.failedAndTell();
        if (failure.subjectBlockedNow() && !rules.standIn()) {
            ledger.subjectBlockedNow();
        }
        return failure.blocked();
    }

    private Optional<SsprMethod> offered(String methodId) {
        return methodId == null ? Optional.empty() : offered().stream().filter(m -> m.id().equals(methodId)).findFirst();
    }

    /** The offered methods whose contact can be reached: what may be chosen. */
    private List<SsprMethod> selectable() {
        return offered().stream().filter(m -> m.unreachable(methods, account).isEmpty()).toList();
    }

    private Optional<SsprMethod> selectable(String methodId) {
        return methodId == null ? Optional.empty()
                : selectable().stream().filter(m -> m.id().equals(methodId)).findFirst();
    }

    /** The candidates minus spent methods and minus factors already proven: nothing counts twice. */
    private List<SsprMethod> offered() {
        Set<String> spent = notes.spentMethods();
        Set<String> proven = provenFactors();
        return rules.candidates().stream()
                .filter(m -> !spent.contains(m.id()))
                .filter(m -> !proven.contains(m.factorFor(methods, account).id()))
                .toList();
    }

    private Set<String> provenFactors() {
        return rules.standIn() ? Set.of() : notes.provenFactors();
    }

    /** The total the pages show: until a first proof the rules' public number, then the real one. */
    private int shownRequired() {
        return provenFactors().isEmpty() ? rules.shownBeforeFirstProof() : rules.required();
    }

    private int step() {
        return Math.min(provenFactors().size() + 1, shownRequired());
    }
}
