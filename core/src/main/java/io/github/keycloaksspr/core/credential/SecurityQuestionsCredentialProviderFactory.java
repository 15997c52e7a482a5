package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Factory of {@link SecurityQuestionsCredentialProvider}. The type argument must name the provider
 * class: Keycloak reads it to decide whether the provider is a {@code CredentialInputValidator}.
 */
public final class SecurityQuestionsCredentialProviderFactory
        implements CredentialProviderFactory<SecurityQuestionsCredentialProvider> {

    public static final String PROVIDER_ID = SsprCredentialTypes.SECURITY_QUESTIONS;

    @Override
    public SecurityQuestionsCredentialProvider create(KeycloakSession session) {
        return new SecurityQuestionsCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
