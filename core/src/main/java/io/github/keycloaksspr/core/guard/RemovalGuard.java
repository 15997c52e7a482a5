package io.github.keycloaksspr.core.guard;

import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Decides whether a user may give up their last credential of a type, wherever the removal comes from (the Account
 * Console's remove button, the {@code delete_credential} application-initiated action, the account REST API). The
 * credential types live in {@code core}; the rule needs the reset policy and the method catalogue, which live with
 * the flow, so it is a provider the credential providers look up.
 */
public interface RemovalGuard extends Provider {

    /** Whether {@code user} keeps enough methods without their last credential of {@code credentialType}. */
    boolean mayRemoveLast(UserModel user, String credentialType);

    /**
     * Whether Keycloak's own removal (Account Console, {@code delete_credential}, account REST API) may remove the
     * pack's credentials of {@code user}: not where the security-info page, which asks for proof of another method
     * first, is there to do it. Administrators' removals are never asked.
     */
    default boolean removableOutsideTheSecurityInfoPage(UserModel user) {
        return true;
    }

    @Override
    default void close() {
    }
}
