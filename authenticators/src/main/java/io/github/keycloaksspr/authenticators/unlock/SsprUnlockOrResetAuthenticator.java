package io.github.keycloaksspr.authenticators.unlock;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.ResetAudience;
import io.github.keycloaksspr.authenticators.flow.ResetFlowState;
import io.github.keycloaksspr.authenticators.flow.SsprEvents;
import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.authenticators.flow.SsprPolicyLocator;
import io.github.keycloaksspr.authenticators.verify.SsprVerifyIdentityAuthenticator;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Before the password form: re-checks on the server that this very user proved enough methods in this flow (no
 * earlier step's note can be reused for another account), then offers "unlock only" to a locked-out user.
 */
public final class SsprUnlockOrResetAuthenticator extends SsprFlowStep {

    static final String STEP = "unlock-or-reset";
    static final String FIELD_CHOICE = "choice";
    static final String UNLOCK = "unlock";
    static final String RESET = "reset";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        SsprPolicy policy = policy(context);
        if (policy == null || !provenEnough(context, user, policy)) {
            return;
        }
        if (policy.unlockAllowed() && isLockedOut(context, user)) {
            context.challenge(SsprPages.unlockOrReset(context.form()));
            return;
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        SsprPolicy policy = policy(context);
        if (policy == null || !provenEnough(context, user, policy)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String choice = form.getFirst(FIELD_CHOICE);
        EventBuilder event = SsprEvents.step(context.getEvent(), STEP).user(user);
        if (UNLOCK.equals(choice) && policy.unlockAllowed()) {
            unlock(context, user);
            SsprEvents.success(event.detail("sspr_action", UNLOCK), "unlocked");
            context.forkWithSuccessMessage(new FormMessage("ssprUnlockDone"));
        } else if (RESET.equals(choice)) {
            // A new password must also be usable: the lockout goes with the old password.
            unlock(context, user);
            SsprEvents.success(event.detail("sspr_action", RESET), "reset_chosen");
            context.success();
        } else {
            context.challenge(SsprPages.unlockOrReset(context.form().setError("ssprUnlockChoose")));
        }
    }

    private static boolean provenEnough(AuthenticationFlowContext context, UserModel user, SsprPolicy policy) {
        ResetFlowState state = new ResetFlowState(context.getAuthenticationSession());
        boolean ok = user != null && !state.isDecoy() && state.isFor(user.getId())
                && state.verifiedFactors(user.getId()).size() >= policy.methodsRequiredFor(
                        new ResetAudience(context.getSession(), context.getRealm(), policy).isAdministrator(user));
        if (!ok) {
            EventBuilder event = SsprEvents.step(context.getEvent(), STEP);
            if (user != null) {
                event.user(user);
            }
            SsprEvents.failure(event, "identity_not_verified");
            context.forkWithErrorMessage(new FormMessage(SsprVerifyIdentityAuthenticator.NOT_VERIFIED));
        }
        return ok;
    }

    private static SsprPolicy policy(AuthenticationFlowContext context) {
        try {
            return SsprPolicyLocator.policyOf(context.getRealm(), context.getExecution());
        } catch (InvalidPolicyException e) {
            SsprEvents.failure(SsprEvents.step(context.getEvent(), STEP), "invalid_policy");
            context.forkWithErrorMessage(new FormMessage(SsprVerifyIdentityAuthenticator.NOT_VERIFIED));
            return null;
        }
    }

    private static boolean isLockedOut(AuthenticationFlowContext context, UserModel user) {
        if (!context.getRealm().isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = context.getSession().getProvider(BruteForceProtector.class);
        return protector.isTemporarilyDisabled(context.getSession(), context.getRealm(), user)
                || protector.isPermanentlyLockedOut(context.getSession(), context.getRealm(), user);
    }

    /** What the admin console's "unlock" does: forget the failures and lift a permanent lockout. */
    private static void unlock(AuthenticationFlowContext context, UserModel user) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        if (realm.isBruteForceProtected()
                && session.getProvider(BruteForceProtector.class).isPermanentlyLockedOut(session, realm, user)) {
            session.getProvider(BruteForceProtector.class).cleanUpPermanentLockout(session, realm, user);
        }
        if (session.loginFailures().getUserLoginFailure(realm, user.getId()) != null) {
            session.loginFailures().removeUserLoginFailure(realm, user.getId());
        }
    }
}
