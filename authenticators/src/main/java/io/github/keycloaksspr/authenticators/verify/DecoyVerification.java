package io.github.keycloaksspr.authenticators.verify;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.MethodTries;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.events.EventBuilder;

/**
 * An account that cannot reset walks the same pages: every method the policy enables, no hints, nothing sent, every
 * answer "not right" as a real user's wrong answers go (twice, then the method is spent), and when every method is
 * spent the same generic ending. The event records the truth.
 */
final class DecoyVerification implements VerificationRun {

    private static final Set<Factor> PHONE_FACTORS = Set.of(Factor.MOBILE_PHONE, Factor.OFFICE_PHONE);

    private final VerifyRequest request;
    private final ResetFlowState state;

    DecoyVerification(VerifyRequest request) {
        this.request = request;
        this.state = request.state();
    }

    @Override
    public void resume() {
        if (request.blocked()) {
            request.endBlocked(request.event());
            return;
        }
        showSelection(null);
    }

    @Override
    public void select(String methodId) {
        if (request.blocked()) {
            request.endBlocked(request.event());
            return;
        }
        if (offered().stream().noneMatch(m -> m.id().equals(methodId))) {
            request.refuseUnofferedMethod(request.event(), methodId);
            showSelection("ssprErrorChooseMethod");
            return;
        }
        SsprMethod method = request.method(methodId);
        if (PHONE_FACTORS.contains(method.factor()) && CodeChallenges.phonesPaused(request.methods())) {
            // As a real account's phone method is refused once the realm's ceiling is reached.
            SsprEvents.failure(request.event().detail(SsprEvents.METHOD, methodId), "realm_phone_limit_reached");
            showSelection("ssprErrorPhonePaused");
            return;
        }
        state.selectMethod(methodId);
        MethodChallenge challenge = method.decoyChallenge(request.methods());
        if (!challenge.started()) {
            state.leaveMethod();
            SsprEvents.failure(request.event().detail(SsprEvents.METHOD, methodId), challenge.reason());
            showSelection(challenge.errorKey());
            return;
        }
        request.flow().challenge(request.challengePage(methodId, challenge, 1, required(), null));
    }

    @Override
    public void answer(MultivaluedMap<String, String> form) {
        SsprMethod method = request.method(state.currentMethod());
        EventBuilder event = request.event().detail(SsprEvents.METHOD, method.id());
        Optional<AttemptLedger.Attempt> attempt = request.reserveAttempt();
        if (attempt.isEmpty()) {
            request.endBlocked(event);
            return;
        }
        SsprEvents.failure(event.detail(SsprEvents.DECOY, "true"), state.decoyReason());
        MethodChallenge decoy = method.decoyChallenge(request.methods());
        if (attempt.get().failed()) {
            // As a real account's last wrong answer: the answer page once more, saying the reset is blocked.
            SsprEvents.failure(request.event(), SsprReasons.TOO_MANY_ATTEMPTS);
            request.flow().challenge(request.challengePage(method.id(), decoy, 1, required(), SsprPages.BLOCKED));
            return;
        }
        if (MethodTries.of(request.methods()).recordWrongAndCheckSpent(method.id())) {
            state.markSpent(method.id());
            showSelection(switch (decoy.kind()) {
                case QUESTIONS -> "ssprErrorQuestionsExhausted";
                case PASSKEY -> "ssprErrorPasskeyExhausted";
                case CODE -> "ssprErrorCodeExhausted";
            });
            return;
        }
        String error = switch (decoy.kind()) {
            case QUESTIONS -> "ssprErrorWrongAnswers";
            case PASSKEY -> "ssprErrorPasskeyFailed";
            case CODE -> "ssprErrorWrongCode";
        };
        request.flow().challenge(request.challengePage(method.id(), decoy, 1, required(), error));
    }

    @Override
    public void back() {
        state.leaveMethod();
        showSelection(null);
    }

    @Override
    public void showSelection(String errorKey) {
        request.showMethods(offered(), m -> "", 1, required(), errorKey, request.event());
    }

    @Override
    public boolean hasCurrentMethod() {
        return state.currentMethod() != null;
    }

    private List<SsprMethod> offered() {
        Set<String> spent = state.spentMethods();
        return request.catalogue().decoyMethods(request.methods()).stream()
                .filter(m -> !spent.contains(m.id())).toList();
    }

    /** What an ordinary user of this policy must prove: a decoy never claims to be an administrator. */
    private int required() {
        return request.methods().policy().methodsRequiredFor(false);
    }
}
