package io.github.keycloaksspr.authenticators.newpassword;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** {@code sspr-new-password}: the last step of the reset flow, in place of Keycloak's {@code reset-password}. */
public final class SsprNewPasswordAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-new-password";

    private static final SsprNewPasswordAuthenticator SINGLETON = new SsprNewPasswordAuthenticator();

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
        return "SSPR: new password";
    }

    @Override
    public String getHelpText() {
        return "Self-service password reset: sets the new password (in Active Directory for federated users) and "
                + "explains a refusal by the directory's password rules.";
    }
}
