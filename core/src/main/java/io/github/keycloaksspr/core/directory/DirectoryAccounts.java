package io.github.keycloaksspr.core.directory;

import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Account state the user's directory keeps (lockout, disabled) and its password rules, read and cleared with the
 * federation provider's own connection. SPI {@value DirectoryAccountsSpi#NAME}; the reset flow works without one.
 */
public interface DirectoryAccounts extends Provider {

    /**
     * The state in the directory the user is federated from, or empty when the user is not from a directory this
     * provider understands.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked
     */
    Optional<DirectoryAccountState> stateOf(RealmModel realm, UserModel user);

    /**
     * Ends a lockout in the directory ({@code lockoutTime: 0} in AD).
     *
     * @throws DirectoryUnavailableException when the directory cannot be written; nothing changed
     */
    void unlock(RealmModel realm, UserModel user);

    /**
     * Explains a failed password update of a user from this directory: its password rules (from the failure's LDAP
     * result and the policy that applies to the user) or its being unreachable. Empty when the failure did not come
     * from the directory (e.g. Keycloak's own password policy).
     *
     * @param attemptedPassword the refused password, only compared against the policy here, never kept
     */
    default java.util.Optional<DirectoryPasswordRefusal> explainPasswordFailure(RealmModel realm, UserModel user,
                                                                               String attemptedPassword,
                                                                               Throwable failure) {
        return java.util.Optional.empty();
    }

    @Override
    default void close() {
        // stateless
    }
}
