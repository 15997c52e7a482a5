package io.github.keycloaksspr.authenticators.flow;

import java.util.Optional;

import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.utils.FormMessage;

/** The reset policy as every step of the flow reads it: an unusable policy ends the reset with the generic message. */
public final class FlowPolicy {

    private FlowPolicy() {
    }

    /** The flow's policy; empty when it cannot be used, and the user has then been sent back to the start. */
    public static Optional<SsprPolicy> of(AuthenticationFlowContext context, ResetStep step) {
        Optional<SsprPolicy> policy = ResetPolicyResolver.forFlow(context.getRealm(), context.getExecution(),
                SsprEvents.step(context.getEvent(), step));
        if (policy.isEmpty()) {
            context.forkWithErrorMessage(new FormMessage(SsprPages.NOT_VERIFIED));
        }
        return policy;
    }
}
