package io.github.keycloaksspr.authenticators.flow;

import java.util.Optional;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The server-side check every step after identity verification repeats: the flow's policy is usable and this very
 * user (not a decoy, not another account named earlier) proved enough methods in this flow. A failed check records
 * the event and sends the user back to the start.
 */
public final class VerifiedReset {

    private VerifiedReset() {
    }

    /** The flow's policy when the user of this flow proved enough methods; empty (user sent back) otherwise. */
    public static Optional<SsprPolicy> check(AuthenticationFlowContext context, ResetStep step) {
        Optional<SsprPolicy> policy = FlowPolicy.of(context, step);
        if (policy.isEmpty()) {
            return policy;
        }
        UserModel user = context.getUser();
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        boolean proven = user != null && !state.isDecoy() && state.isFor(user.getId())
                && Factor.enough(state.verifiedFactors(user.getId()), policy.get().methodsRequiredFor(
                        new ResetAudience(context.getSession(), context.getRealm(), policy.get()).isAdministrator(user)));
        if (proven) {
            return policy;
        }
        EventBuilder event = SsprEvents.step(context.getEvent(), step);
        if (user != null) {
            event.user(user);
        }
        SsprEvents.failure(event, SsprReasons.IDENTITY_NOT_VERIFIED);
        context.forkWithErrorMessage(new FormMessage(SsprPages.NOT_VERIFIED));
        return Optional.empty();
    }
}
