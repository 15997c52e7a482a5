package io.github.keycloaksspr.core.directory;

import java.util.List;
import java.util.Map;
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
    default Optional<DirectoryPasswordRefusal> explainPasswordFailure(RealmModel realm, UserModel user,
                                                                     String attemptedPassword, Throwable failure) {
        return Optional.empty();
    }

    /**
     * Whether SSPR resets reach the realm's directories: per directory its settings, a test bind and warnings, and
     * {@code ready} for the whole realm. The admin REST API serves it as JSON.
     */
    default Map<String, Object> writebackHealth(RealmModel realm) {
        return withoutDirectories(realm);
    }

    /** The health of a realm whose resets write to no directory: nothing to be unready. */
    static Map<String, Object> withoutDirectories(RealmModel realm) {
        return Map.of("realm", realm.getName(), "ready", true, "providers", List.of());
    }

    @Override
    default void close() {
    }
}
