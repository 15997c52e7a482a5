package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Factory of {@link TemporaryAccessPassCredentialProvider}. */
public final class TemporaryAccessPassCredentialProviderFactory
        implements CredentialProviderFactory<TemporaryAccessPassCredentialProvider> {

    @Override
    public TemporaryAccessPassCredentialProvider create(KeycloakSession session) {
        return new TemporaryAccessPassCredentialProvider(session);
    }

    @Override
    public String getId() {
        return TemporaryAccessPassCredentialModel.TYPE;
    }
}
