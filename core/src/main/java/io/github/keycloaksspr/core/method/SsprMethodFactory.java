package io.github.keycloaksspr.core.method;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory type of {@link SsprMethodSpi}; methods keep no state, so the lifecycle hooks default to nothing. */
public interface SsprMethodFactory extends ProviderFactory<SsprMethod> {

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
