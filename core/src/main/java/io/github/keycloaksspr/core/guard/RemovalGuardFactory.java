package io.github.keycloaksspr.core.guard;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of {@link RemovalGuard}; SPI {@value RemovalGuardSpi#NAME}. */
public interface RemovalGuardFactory extends ProviderFactory<RemovalGuard> {

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }
}
