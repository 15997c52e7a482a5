package io.github.keycloaksspr.core.directory;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of {@link DirectoryAccounts}. */
public interface DirectoryAccountsFactory extends ProviderFactory<DirectoryAccounts> {

    @Override
    default void init(Config.Scope config) {
        // no options
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    default void close() {
        // no resources
    }
}
