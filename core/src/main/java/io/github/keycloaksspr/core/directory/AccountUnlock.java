package io.github.keycloaksspr.core.directory;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Unlocks an account as the reset's unlock does: the directory's lockout (AD's), then Keycloak's temporary lockout
 * (what the admin console's "unlock" does: its login failures are forgotten). A permanent lockout disables the
 * account and stays an administrator's decision.
 */
public final class AccountUnlock {

    private AccountUnlock() {
    }

    /** @throws DirectoryUnavailableException when the user's directory cannot be reached: nothing is changed then */
    public static void unlock(KeycloakSession session, RealmModel realm, UserModel user) {
        DirectoryAccounts directory = session.getProvider(DirectoryAccounts.class);
        if (directory != null
                && directory.stateOf(realm, user).map(DirectoryAccountState::locked).orElse(false)) {
            directory.unlock(realm, user);
        }
        if (session.loginFailures().getUserLoginFailure(realm, user.getId()) != null) {
            session.loginFailures().removeUserLoginFailure(realm, user.getId());
        }
    }
}
