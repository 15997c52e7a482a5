package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Factory of {@link MobilePhoneCredentialProvider}. The type argument must name the provider class:
 * Keycloak reads it to decide whether the provider is a {@code CredentialInputValidator}.
 */
public final class MobilePhoneCredentialProviderFactory implements CredentialProviderFactory<MobilePhoneCredentialProvider> {

    public static final String PROVIDER_ID = SsprCredentialTypes.MOBILE_PHONE;

    @Override
    public MobilePhoneCredentialProvider create(KeycloakSession session) {
        return new MobilePhoneCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
