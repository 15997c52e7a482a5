package io.github.keycloaksspr.core.delivery;

import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.models.UserModel;

/**
 * Sends a one-time code over one channel. One implementation per channel serves the reset flow, sign-in codes (MFA)
 * and the registration of a new phone or address alike.
 */
public interface CodeDelivery {

    /** Sends {@code code} to {@code destination}; the code reaches only the destination, never a log or exception. */
    void deliver(MethodContext context, UserModel user, String destination, String code) throws Exception;

    /** The destination as the user may see it before proving it is theirs. */
    String masked(String destination);

    /** Whether it texts or calls: then the policy's phone rules and the realm's phone ceiling apply. */
    default boolean usesPhone() {
        return false;
    }
}
