package io.github.keycloaksspr.authenticators.verify;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.FlowPolicy;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.models.UserModel;

/**
 * One request of the verify step, for a real account or a decoy: the same transitions, the same pages. The step only
 * says which transition the request asks for; each run decides what it means.
 */
interface VerificationRun {

    /** The step is entered or re-entered (a refresh, the back button). */
    void resume();

    /** The user picked a method from the list. */
    void select(String methodId);

    /** The user answered the current method's challenge. */
    void answer(MultivaluedMap<String, String> form);

    /** The user left the current method's page for the method list. */
    void back();

    /** The method list, with an error message when {@code errorKey} is not null. */
    void showSelection(String errorKey);

    /** Whether a method has been picked and not yet left. */
    boolean hasCurrentMethod();

    /** The run this request belongs to; empty when the policy cannot be used (the user has been sent back). */
    static Optional<VerificationRun> of(AuthenticationFlowContext context) {
        Optional<SsprPolicy> policy = FlowPolicy.of(context, ResetStep.VERIFY_IDENTITY);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        MethodContext methods = new MethodContext(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), policy.get(), context.getConnection().getRemoteAddr(),
                context.getSession().getContext().resolveLocale(context.getUser()));
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        UserModel user = context.getUser();
        boolean real = !state.isDecoy() && user != null && state.isFor(user.getId());
        LedgerSubject subject = real ? LedgerSubject.account(user.getId())
                : state.ledgerSubject().orElseGet(() -> LedgerSubject.typedName(String.valueOf(context
                        .getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME))));
        VerifyRequest request = new VerifyRequest(context, methods,
                AttemptLedger.of(context.getSession(), context.getRealm(), policy.get().attempts()), subject);
        return Optional.of(real ? new RealVerification(request, user) : new DecoyVerification(request));
    }
}
