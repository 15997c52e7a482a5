package io.github.keycloaksspr.core.credential.keycloak;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.credential.WebAuthnPasswordlessCredentialProvider;
import org.keycloak.credential.WebAuthnPasswordlessCredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Keycloak's {@code keycloak-webauthn-passwordless} (passkeys), guarded as {@link GuardedOtpCredentialProviderFactory}. */
public final class GuardedWebAuthnPasswordlessCredentialProviderFactory
        extends WebAuthnPasswordlessCredentialProviderFactory {

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new WebAuthnPasswordlessCredentialProvider(session, getMetadataService(), createOrGetObjectConverter()) {
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
