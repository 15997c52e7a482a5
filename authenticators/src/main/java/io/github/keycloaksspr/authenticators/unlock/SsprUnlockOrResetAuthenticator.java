package io.github.keycloaksspr.authenticators.unlock;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.authenticators.flow.VerifiedReset;
import io.github.keycloaksspr.core.directory.AccountUnlock;
import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import io.github.keycloaksspr.core.events.ResetAction;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.notice.ResetNotices;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * Before the password form: re-checks on the server that this very user proved enough methods in this flow (no
 * earlier step's note can be reused for another account), then offers "unlock only" to a user locked out by Keycloak's
 * brute-force protection (temporarily) or by their directory (AD {@code lockoutTime}); an account disabled in the
 * directory gets a clear message instead, and an unreachable directory changes nothing anywhere.
 */
public final class SsprUnlockOrResetAuthenticator extends SsprFlowStep {

    private static final Logger LOG = Logger.getLogger(SsprUnlockOrResetAuthenticator.class);

    static final ResetStep STEP = ResetStep.UNLOCK_OR_RESET;
    static final String FIELD_CHOICE = "choice";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<SsprPolicy> policy = VerifiedReset.check(context, STEP);
        if (policy.isEmpty()) {
            return;
        }
        UserModel user = context.getUser();
        DirectoryAccountState directory;
        try {
            directory = directoryState(context, user);
        } catch (DirectoryUnavailableException e) {
            directoryUnavailable(context, user, e);
            return;
        }
        if (directory.disabled()) {
            // An administrator switched the account off in the directory: neither unlock nor reset brings it back.
            SsprEvents.failure(SsprEvents.step(context.getEvent(), STEP).user(user), "directory_account_disabled");
            context.forkWithErrorMessage(new FormMessage("ssprDirectoryAccountDisabled"));
            return;
        }
        if (policy.get().unlockAllowed() && (directory.locked() || isLockedOut(context, user))) {
            context.challenge(SsprPages.unlockOrReset(context.form()));
            return;
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<SsprPolicy> policy = VerifiedReset.check(context, STEP);
        if (policy.isEmpty()) {
            return;
        }
        UserModel user = context.getUser();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String choice = form.getFirst(FIELD_CHOICE);
        EventBuilder event = SsprEvents.step(context.getEvent(), STEP).user(user);
        if (ResetAction.UNLOCK.id().equals(choice) && policy.get().unlockAllowed()) {
            if (!unlock(context, user)) {
                return;
            }
            SsprEvents.success(event.detail(SsprEvents.ACTION, ResetAction.UNLOCK.id()), "unlocked");
            ResetNotices.fromTheFlow(context.getSession(), context.getRealm(), user, ResetNotices.UNLOCK,
                    context.getConnection().getRemoteAddr(), Time.currentTimeMillis());
            context.forkWithSuccessMessage(new FormMessage("ssprUnlockDone"));
        } else if (ResetAction.RESET.id().equals(choice)) {
            // A new password must also be usable: the lockout goes with the old password.
            if (!unlock(context, user)) {
                return;
            }
            SsprEvents.progress(event.detail(SsprEvents.ACTION, ResetAction.RESET.id()), "reset_chosen");
            context.success();
        } else {
            context.challenge(SsprPages.unlockOrReset(context.form().setError("ssprUnlockChoose")));
        }
    }

    private static DirectoryAccountState directoryState(AuthenticationFlowContext context, UserModel user) {
        DirectoryAccounts directory = context.getSession().getProvider(DirectoryAccounts.class);
        return directory == null ? DirectoryAccountState.NORMAL
                : directory.stateOf(context.getRealm(), user).orElse(DirectoryAccountState.NORMAL);
    }

    /** Unlocks the account; false (and the user told) when the directory cannot be reached. */
    private static boolean unlock(AuthenticationFlowContext context, UserModel user) {
        try {
            AccountUnlock.unlock(context.getSession(), context.getRealm(), user);
            return true;
        } catch (DirectoryUnavailableException e) {
            directoryUnavailable(context, user, e);
            return false;
        }
    }

    private static void directoryUnavailable(AuthenticationFlowContext context, UserModel user,
                                             DirectoryUnavailableException e) {
        LOG.warnf("SSPR: directory of user %s in realm %s unavailable: %s", user.getId(), context.getRealm().getName(),
                e.getCause() == null ? e.getMessage() : e.getCause().toString());
        SsprEvents.failure(SsprEvents.step(context.getEvent(), STEP).user(user), "directory_unavailable");
        context.forkWithErrorMessage(new FormMessage("ssprDirectoryUnavailable"));
    }

    private static boolean isLockedOut(AuthenticationFlowContext context, UserModel user) {
        if (!context.getRealm().isBruteForceProtected()) {
            return false;
        }
        // Only a temporary lockout can get here: a permanent one disables the account, and Keycloak lets no flow
        // continue for a disabled account (the choose-account step sends it on the decoy run).
        return context.getSession().getProvider(BruteForceProtector.class)
                .isTemporarilyDisabled(context.getSession(), context.getRealm(), user);
    }
}
