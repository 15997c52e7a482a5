package io.github.keycloaksspr.core.credential.keycloak;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.OTPCredentialProvider;
import org.keycloak.credential.OTPCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's {@code keycloak-otp} under its own id, ahead of the built-in one ({@link #order}): the same provider
 * (Keycloak's authenticators cast to {@link OTPCredentialProvider}), whose type is not removable outside the
 * security-info page ({@link KeycloakCredentialRemoval}).
 */
public final class GuardedOtpCredentialProviderFactory extends OTPCredentialProviderFactory {

    @Override
    public OTPCredentialProvider create(KeycloakSession session) {
        return new OTPCredentialProvider(session) {
            @Override
            public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
                return KeycloakCredentialRemoval.guarded(session, context, super.getCredentialTypeMetadata(context));
            }
        };
    }

    /** Of two factories with one id, Keycloak uses the one of higher order. */
    @Override
    public int order() {
        return KeycloakOverrides.ORDER;
    }
}
