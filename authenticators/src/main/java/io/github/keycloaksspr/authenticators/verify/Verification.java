package io.github.keycloaksspr.authenticators.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.decoy.StandInUser;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.notice.ResetBlockedNotices;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * An account proves identity: its registered methods with masked hints, one challenge at a time, until as many
 * distinct factors are proven as the policy requires (administrators two, never questions). A name that cannot
 * reset walks the very same code as a {@link StandInUser} with made-up registrations, on which no answer is ever
 * right and to which nothing is ever sent; only the events tell the two apart.
 */
final class Verification {

    /**
     * A code that only expired, or whose send failed, may be sent again (within the budgets) and was no guess; other
     * spent methods are over for this reset.
     */
    private static final Set<String> EXPIRED_REASONS = Set.of("code_expired", "no_live_code",
            CodeChallenges.DELIVERY_FAILED);

    private final VerifyRequest request;
    private final ResetFlowState state;
    private final UserModel account;
    private final boolean standIn;
    private final boolean administrator;

    Verification(VerifyRequest request, UserModel account) {
        this.request = request;
        this.state = request.state();
        this.account = account;
        this.standIn = StandInUser.isStandIn(account);
        this.administrator = new ResetAudience(request.methods().session(), request.methods().realm(),
                request.methods().policy()).isAdministrator(account);
    }

    /** The step is entered or re-entered (a refresh, the back button). */
    void resume() {
        if (enoughVerified()) {
            proven();
            return;
        }
        if (request.blocked()) {
            request.endBlocked(event());
            return;
        }
        String current = state.currentMethod();
        if (current != null && offered().stream().anyMatch(m -> m.id().equals(current))) {
            startChallenge(current);
            return;
        }
        showSelection(null);
    }

    /** The user picked a method from the list. */
    void select(String methodId) {
        if (request.blocked()) {
            request.endBlocked(event());
            return;
        }
        if (offered().stream().noneMatch(m -> m.id().equals(methodId))) {
            request.refuseUnofferedMethod(event(), methodId);
            showSelection("ssprErrorChooseMethod");
            return;
        }
        state.selectMethod(methodId);
        startChallenge(methodId);
    }

    /** The user answered the current method's challenge. */
    void answer(MultivaluedMap<String, String> form) {
        String methodId = state.currentMethod();
        SsprMethod method = request.method(methodId);
        EventBuilder event = event().detail(SsprEvents.METHOD, methodId);
        Optional<AttemptLedger.Attempt> attempt = request.reserveAttempt();
        if (attempt.isEmpty()) {
            request.endBlocked(event);
            return;
        }
        MethodOutcome outcome = neverProvenByStandIn(method.verify(request.methods(), account, form));
        boolean blockedNow = countAgainstLedger(attempt.get(), outcome);
        if (blockedNow) {
            // Whatever the method says (wrong, or now spent): the answer page once more, saying the reset is blocked.
            failure(event, outcome.reason());
            SsprEvents.failure(event(), SsprReasons.TOO_MANY_ATTEMPTS);
            if (outcome.status() == MethodOutcome.Status.SPENT) {
                state.markSpent(methodId);
            }
            answerAgain(method, SsprPages.BLOCKED, event);
            return;
        }
        switch (outcome.status()) {
            case VERIFIED -> {
                state.recordVerified(account.getId(), methodId, method.factorFor(request.methods(), account));
                SsprEvents.success(event.detail(SsprEvents.VERIFIED_COUNT,
                        Integer.toString(verifiedFactors().size())), "method_verified");
                if (enoughVerified()) {
                    proven();
                } else {
                    continueWithNextMethod();
                }
            }
            case WRONG -> {
                failure(event, outcome.reason());
                answerAgain(method, outcome.errorKey(), event);
            }
            case SPENT -> {
                if (EXPIRED_REASONS.contains(outcome.reason())) {
                    state.leaveMethod();
                } else {
                    state.markSpent(methodId);
                }
                failure(event, outcome.reason());
                if (offered().isEmpty()) {
                    request.endNotVerified(event());
                } else {
                    showSelection(outcome.errorKey());
                }
            }
        }
    }

    /**
     * After a proof: when a single method is left, its challenge starts at once (a list of one is a click for
     * nothing); otherwise the list. Only a proven account gets here, so no stranger sees the difference.
     */
    private void continueWithNextMethod() {
        List<SsprMethod> left = offered();
        if (left.size() == 1) {
            state.selectMethod(left.get(0).id());
            startChallenge(left.get(0).id());
        } else {
            showSelection(null);
        }
    }

    /** The user left the current method's page for the method list. */
    void back() {
        state.leaveMethod();
        showSelection(null);
    }

    /** The method list, with an error message when {@code errorKey} is not null. */
    void showSelection(String errorKey) {
        request.showMethods(offered(), m -> m.maskedHint(request.methods(), account), step(), shownRequired(),
                errorKey, event());
    }

    /** Whether a method has been picked and not yet left. */
    boolean hasCurrentMethod() {
        return state.currentMethod() != null;
    }

    private void startChallenge(String methodId) {
        MethodChallenge challenge = request.method(methodId).challenge(request.methods(), account);
        if (!challenge.started()) {
            state.leaveMethod();
            failure(event().detail(SsprEvents.METHOD, methodId), challenge.reason());
            showSelection(challenge.errorKey());
            return;
        }
        request.flow().challenge(request.challengePage(methodId, challenge, step(), shownRequired(), null));
    }

    /**
     * The method's answer page again, saying {@code errorKey}; when the method cannot be answered any more (its code
     * could not be sent, which the send reports after the page that showed it), the list saying why instead.
     */
    private void answerAgain(SsprMethod method, String errorKey, EventBuilder event) {
        MethodChallenge again = method.challenge(request.methods(), account);
        if (!again.started()) {
            state.leaveMethod();
            failure(event, again.reason());
            showSelection(SsprPages.BLOCKED.equals(errorKey) ? errorKey : again.errorKey());
            return;
        }
        wrongAnswerPage(request.challengePage(method.id(), again, step(), shownRequired(), errorKey));
    }

    /**
     * The page after a wrong answer. An account's wrong answer is reported as a credential failure, so that
     * brute-force protection (category otp) counts it; a stand-in's is not: Keycloak would count it against whoever
     * owns the typed name (an unregistered or out-of-scope account), which a stranger could then lock out.
     */
    private void wrongAnswerPage(Response page) {
        if (standIn) {
            request.flow().challenge(page);
        } else {
            request.flow().failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        }
    }

    /** Identity is proven: from here on the flow's user is the account, as Keycloak's later steps expect. */
    private void proven() {
        request.flow().setUser(account);
        request.flow().success();
    }

    /** A stand-in's code is never sent, so a right code can only be a guess: it counts as wrong like any other. */
    private MethodOutcome neverProvenByStandIn(MethodOutcome outcome) {
        return standIn && outcome.status() == MethodOutcome.Status.VERIFIED
                ? MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code") : outcome;
    }

    /**
     * A right answer gives its ledger slot back, and so does a code that only expired (nothing was guessed); any
     * other answer keeps it. @return whether this answer blocked the account
     */
    private boolean countAgainstLedger(AttemptLedger.Attempt attempt, MethodOutcome outcome) {
        if (outcome.status() == MethodOutcome.Status.VERIFIED || EXPIRED_REASONS.contains(outcome.reason())) {
            attempt.succeeded();
            return false;
        }
        AttemptLedger.Failure failure = attempt.failedAndTell();
        if (failure.subjectBlockedNow() && !standIn) {
            // Anyone who types the name can block the reset: the owner learns of it, out of band and once.
            ResetBlockedNotices.queue(request.methods().session(), request.methods().realm(), account,
                    request.methods().clientIp(), Time.currentTimeMillis(), request.methods().policy());
        }
        return failure.blocked();
    }

    /** Usable methods minus spent ones and minus factors already proven: nothing counts twice. */
    private List<SsprMethod> offered() {
        Set<String> spent = state.spentMethods();
        Set<String> proven = verifiedFactors();
        return request.catalogue().usableFor(request.methods(), account, administrator).stream()
                .filter(m -> !spent.contains(m.id()))
                .filter(m -> !proven.contains(m.factorFor(request.methods(), account).id()))
                .toList();
    }

    private Set<String> verifiedFactors() {
        return standIn ? Set.of() : state.verifiedFactors(account.getId());
    }

    private int required() {
        return request.methods().policy().methodsRequiredFor(administrator);
    }

    /**
     * The total the page shows. Until a first method is proven it is what the policy asks of ordinary users, for
     * everybody: the number an administrator must prove would tell a stranger who is one.
     */
    private int shownRequired() {
        return verifiedFactors().isEmpty() ? request.methods().policy().methodsRequiredFor(false) : required();
    }

    private int step() {
        return Math.min(verifiedFactors().size() + 1, shownRequired());
    }

    private boolean enoughVerified() {
        return !standIn && verifiedFactors().size() >= required();
    }

    /** The run's event: the account, or for a stand-in the truth that it is one and why. */
    private EventBuilder event() {
        return standIn ? request.event().detail(SsprEvents.DECOY, "true") : request.event().user(account);
    }

    /** A stand-in's failures all carry why the name cannot reset, as every event of a decoy run does. */
    private void failure(EventBuilder event, String reason) {
        SsprEvents.failure(event, standIn ? state.decoyReason() : reason);
    }
}
