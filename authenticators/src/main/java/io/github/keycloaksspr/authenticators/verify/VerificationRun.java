package io.github.keycloaksspr.authenticators.verify;

import java.util.Optional;

import io.github.keycloaksspr.authenticators.flow.FlowPolicy;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.decoy.StandInAccounts;
import io.github.keycloaksspr.core.decoy.TypedNames;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.models.UserModel;

/**
 * Which account a request of the verify step is about: the account named at the first step, or, for a name that
 * cannot reset, its stand-in. Neither is the flow's user until identity is proven, so that Keycloak's layout, the
 * page language and brute-force lookups treat both alike.
 */
final class VerificationRun {

    private VerificationRun() {
    }

    /** The run this request belongs to; empty when the policy cannot be used (the user has been sent back). */
    static Optional<Verification> of(AuthenticationFlowContext context) {
        Optional<SsprPolicy> policy = FlowPolicy.of(context, ResetStep.VERIFY_IDENTITY);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        String typedName = String.valueOf(context.getAuthenticationSession()
                .getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME));
        UserModel account = state.isDecoy() ? null : state.subject()
                .map(id -> context.getSession().users().getUserById(context.getRealm(), id)).orElse(null);
        MethodContext methods = new MethodContext(context.getSession(), context.getRealm(),
                context.getAuthenticationSession(), policy.get(), context.getConnection().getRemoteAddr(),
                context.getSession().getContext().resolveLocale(account));
        LedgerSubject subject = account != null ? LedgerSubject.account(account.getId())
                : state.ledgerSubject().orElseGet(() -> LedgerSubject.typedName(
                        TypedNames.canonical(context.getRealm(), typedName)));
        if (account == null) {
            // The stand-in follows the run's key (the account's name for an account that cannot reset), so that every
            // spelling of one person shows one stand-in.
            String standInKey = subject.isTypedName() ? subject.value() : typedName;
            account = StandInAccounts.forTypedName(context.getSession(), context.getRealm(), policy.get(), standInKey,
                    MethodCatalogue.of().enabledForUsers(methods).stream()
                            .map(m -> new StandInAccounts.Offer(m.factor().id(), standIn -> m.furnish(methods, standIn)))
                            .toList());
        }
        VerifyRequest request = new VerifyRequest(context, methods,
                AttemptLedger.of(context.getSession(), context.getRealm(), policy.get().attempts()), subject);
        return Optional.of(new Verification(request, account));
    }
}
