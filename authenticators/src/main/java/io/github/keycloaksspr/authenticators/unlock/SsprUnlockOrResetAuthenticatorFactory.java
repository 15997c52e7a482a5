package io.github.keycloaksspr.authenticators.unlock;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** {@code sspr-unlock-or-reset}: place it after {@code sspr-verify-identity} and before {@code sspr-new-password}. */
public final class SsprUnlockOrResetAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-unlock-or-reset";

    private static final SsprUnlockOrResetAuthenticator SINGLETON = new SsprUnlockOrResetAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SSPR: unlock or reset";
    }

    @Override
    public String getHelpText() {
        return "Self-service password reset: checks the identity proof again and lets a locked-out user only unlock.";
    }
}
