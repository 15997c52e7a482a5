package io.github.keycloaksspr.authenticators.flow;

import io.github.keycloaksspr.authenticators.verify.SsprVerifyIdentityAuthenticator;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The server-side checks every step after identity verification repeats: the flow's policy is valid and this very
 * user (not a decoy, not another account named earlier) proved enough methods in this flow. A failed check records
 * the event and sends the user back to the start.
 */
public final class VerifiedReset {

    private VerifiedReset() {
    }

    /** The flow's reset policy, or null when its configuration is invalid (the user has been sent back). */
    public static SsprPolicy policy(AuthenticationFlowContext context, String step) {
        try {
            return SsprPolicyLocator.policyOf(context.getRealm(), context.getExecution());
        } catch (InvalidPolicyException e) {
            SsprEvents.failure(SsprEvents.step(context.getEvent(), step), "invalid_policy");
            context.forkWithErrorMessage(new FormMessage(SsprVerifyIdentityAuthenticator.NOT_VERIFIED));
            return null;
        }
    }

    /** The flow's policy when the user of this flow proved enough methods; null (user sent back) otherwise. */
    public static SsprPolicy check(AuthenticationFlowContext context, String step) {
        SsprPolicy policy = policy(context, step);
        if (policy == null) {
            return null;
        }
        UserModel user = context.getUser();
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        boolean proven = user != null && !state.isDecoy() && state.isFor(user.getId())
                && state.verifiedFactors(user.getId()).size() >= policy.methodsRequiredFor(
                        new ResetAudience(context.getSession(), context.getRealm(), policy).isAdministrator(user));
        if (proven) {
            return policy;
        }
        EventBuilder event = SsprEvents.step(context.getEvent(), step);
        if (user != null) {
            event.user(user);
        }
        SsprEvents.failure(event, "identity_not_verified");
        context.forkWithErrorMessage(new FormMessage(SsprVerifyIdentityAuthenticator.NOT_VERIFIED));
        return null;
    }
}
