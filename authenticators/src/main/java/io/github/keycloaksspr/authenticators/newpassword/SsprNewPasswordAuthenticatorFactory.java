package io.github.keycloaksspr.authenticators.newpassword;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;

/** {@code sspr-new-password}: the last step of the reset flow, in place of Keycloak's {@code reset-password}. */
public final class SsprNewPasswordAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-new-password";

    public SsprNewPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, new SsprNewPasswordAuthenticator(), "SSPR: new password",
                "Self-service password reset: sets the new password (in Active Directory for federated users) and "
                        + "explains a refusal by the directory's password rules.");
    }
}
