package io.github.keycloaksspr.authenticators.unlock;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;

/** {@code sspr-unlock-or-reset}: place it after {@code sspr-verify-identity} and before {@code sspr-new-password}. */
public final class SsprUnlockOrResetAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-unlock-or-reset";

    public SsprUnlockOrResetAuthenticatorFactory() {
        super(PROVIDER_ID, new SsprUnlockOrResetAuthenticator(), "SSPR: unlock or reset",
                "Self-service password reset: checks the identity proof again and lets a locked-out "
                        + "user only unlock.");
    }
}
