package io.github.keycloaksspr.authenticators.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * A real account proves identity: its registered methods with masked hints, one challenge at a time, until as many
 * distinct factors are proven as the policy requires (administrators two, never questions).
 */
final class RealVerification implements VerificationRun {

    /** A code that only expired may be sent again (within the budgets); other spent methods are over for this reset. */
    private static final Set<String> EXPIRED_REASONS = Set.of("code_expired", "no_live_code");

    private final VerifyRequest request;
    private final ResetFlowState state;
    private final UserModel user;
    private final boolean administrator;

    RealVerification(VerifyRequest request, UserModel user) {
        this.request = request;
        this.state = request.state();
        this.user = user;
        this.administrator = new ResetAudience(request.methods().session(), request.methods().realm(),
                request.methods().policy()).isAdministrator(user);
    }

    @Override
    public void resume() {
        if (enoughVerified()) {
            request.flow().success();
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

    @Override
    public void select(String methodId) {
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

    @Override
    public void answer(MultivaluedMap<String, String> form) {
        String methodId = state.currentMethod();
        SsprMethod method = request.method(methodId);
        EventBuilder event = event().detail(SsprEvents.METHOD, methodId);
        Optional<AttemptLedger.Attempt> attempt = request.reserveAttempt();
        if (attempt.isEmpty()) {
            request.endBlocked(event);
            return;
        }
        MethodOutcome outcome = method.verify(request.methods(), user, form);
        boolean blockedNow = countAgainstLedger(attempt.get(), outcome);
        if (blockedNow) {
            // Whatever the method says (wrong, or now spent), the page is the decoy's: the answer page, blocked.
            SsprEvents.failure(event, outcome.reason());
            SsprEvents.failure(event(), SsprReasons.TOO_MANY_ATTEMPTS);
            if (outcome.status() == MethodOutcome.Status.SPENT) {
                state.markSpent(methodId);
            }
            request.flow().failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, request.challengePage(methodId,
                    method.decoyChallenge(request.methods()), step(), required(), SsprPages.BLOCKED));
            return;
        }
        switch (outcome.status()) {
            case VERIFIED -> {
                state.recordVerified(user.getId(), methodId, method.factorFor(request.methods(), user));
                SsprEvents.success(event.detail(SsprEvents.VERIFIED_COUNT,
                        Integer.toString(verifiedFactors().size())), "method_verified");
                if (enoughVerified()) {
                    request.flow().success();
                } else {
                    showSelection(null);
                }
            }
            case WRONG -> {
                SsprEvents.failure(event, outcome.reason());
                MethodChallenge again = method.challenge(request.methods(), user);
                // Reported as a credential failure so that brute-force protection (category otp) counts it.
                request.flow().failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        request.challengePage(methodId, again, step(), required(), outcome.errorKey()));
            }
            case SPENT -> {
                if (EXPIRED_REASONS.contains(outcome.reason())) {
                    state.leaveMethod();
                } else {
                    state.markSpent(methodId);
                }
                SsprEvents.failure(event, outcome.reason());
                if (offered().isEmpty()) {
                    request.endNotVerified(event());
                } else {
                    showSelection(outcome.errorKey());
                }
            }
        }
    }

    @Override
    public void back() {
        state.leaveMethod();
        showSelection(null);
    }

    @Override
    public void showSelection(String errorKey) {
        request.showMethods(offered(), m -> m.maskedHint(request.methods(), user), step(), required(), errorKey,
                event());
    }

    @Override
    public boolean hasCurrentMethod() {
        return state.currentMethod() != null;
    }

    private void startChallenge(String methodId) {
        MethodChallenge challenge = request.method(methodId).challenge(request.methods(), user);
        if (!challenge.started()) {
            state.leaveMethod();
            SsprEvents.failure(event().detail(SsprEvents.METHOD, methodId), challenge.reason());
            showSelection(challenge.errorKey());
            return;
        }
        request.flow().challenge(request.challengePage(methodId, challenge, step(), required(), null));
    }

    /**
     * A right answer gives its ledger slot back, and so does a code that only expired (nothing was guessed); any
     * other answer keeps it. @return whether this answer blocked the account
     */
    private static boolean countAgainstLedger(AttemptLedger.Attempt attempt, MethodOutcome outcome) {
        if (outcome.status() == MethodOutcome.Status.VERIFIED || EXPIRED_REASONS.contains(outcome.reason())) {
            attempt.succeeded();
            return false;
        }
        return attempt.failed();
    }

    /** Usable methods minus spent ones and minus factors already proven: nothing counts twice. */
    private List<SsprMethod> offered() {
        Set<String> spent = state.spentMethods();
        Set<String> proven = verifiedFactors();
        return request.catalogue().usableFor(request.methods(), user, administrator).stream()
                .filter(m -> !spent.contains(m.id()))
                .filter(m -> !proven.contains(m.factorFor(request.methods(), user).id()))
                .toList();
    }

    private Set<String> verifiedFactors() {
        return state.verifiedFactors(user.getId());
    }

    private int required() {
        return request.methods().policy().methodsRequiredFor(administrator);
    }

    private boolean enoughVerified() {
        return verifiedFactors().size() >= required();
    }

    private int step() {
        return Math.min(verifiedFactors().size() + 1, required());
    }

    private EventBuilder event() {
        return request.event().user(user);
    }
}
