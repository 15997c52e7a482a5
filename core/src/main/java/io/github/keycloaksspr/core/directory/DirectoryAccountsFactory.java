package io.github.keycloaksspr.core.directory;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of {@link DirectoryAccounts}. */
public interface DirectoryAccountsFactory extends ProviderFactory<DirectoryAccounts> {

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
