package io.github.keycloaksspr.core.directory;

import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Account state the user's directory keeps (lockout, disabled), read and cleared with the federation provider's own
 * connection. SPI {@value DirectoryAccountsSpi#NAME}; the reset flow works without one.
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

    @Override
    default void close() {
        // stateless
    }
}
