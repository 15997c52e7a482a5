package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Factory of {@link AlternateEmailCredentialProvider}. The type argument must name the provider class:
 * Keycloak reads it to decide whether the provider is a {@code CredentialInputValidator}.
 */
public final class AlternateEmailCredentialProviderFactory implements CredentialProviderFactory<AlternateEmailCredentialProvider> {

    public static final String PROVIDER_ID = SsprCredentialTypes.ALTERNATE_EMAIL;

    @Override
    public AlternateEmailCredentialProvider create(KeycloakSession session) {
        return new AlternateEmailCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
