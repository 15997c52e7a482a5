package io.github.keycloaksspr.core.pack;

import org.keycloak.provider.ProviderFactory;

/** Factory type of {@link SsprPackSpi}. */
public interface SsprPackProviderFactory extends ProviderFactory<SsprPackProvider> {
}
