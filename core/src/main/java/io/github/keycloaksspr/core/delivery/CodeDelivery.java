package io.github.keycloaksspr.core.delivery;

import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.models.UserModel;

/**
 * Sends a one-time code over one channel. One implementation per channel serves the reset flow, sign-in codes (MFA)
 * and the registration of a new phone or address alike.
 */
public interface CodeDelivery {

    /** The channel's name in logs, metrics and its health mark: {@code email}, {@code sms}, {@code voice}. */
    String channel();

    /**
     * Composes, during the request, the message that brings {@code code} to {@code destination}; it leaves after the
     * request (see {@link DeliveryDispatch}). The code reaches only the destination, never a log or exception.
     */
    Transmission compose(MethodContext context, UserModel user, String destination, String code);

    /** The destination as the user may see it before proving it is theirs. */
    String masked(String destination);

    /** Whether it texts or calls: then the policy's phone rules and the realm's phone ceiling apply. */
    default boolean usesPhone() {
        return false;
    }
}
