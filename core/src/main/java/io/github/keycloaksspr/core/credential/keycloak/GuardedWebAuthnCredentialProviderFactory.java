package io.github.keycloaksspr.core.credential.keycloak;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.WebAuthnCredentialProvider;
import org.keycloak.credential.WebAuthnCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Keycloak's {@code keycloak-webauthn} (security keys), guarded as {@link GuardedOtpCredentialProviderFactory}. */
public final class GuardedWebAuthnCredentialProviderFactory extends WebAuthnCredentialProviderFactory {

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new WebAuthnCredentialProvider(session, getMetadataService(), createOrGetObjectConverter()) {
            @Override
            public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
                return KeycloakCredentialRemoval.guarded(session, context, super.getCredentialTypeMetadata(context));
            }
        };
    }

    @Override
    public int order() {
        return KeycloakOverrides.ORDER;
    }
}
