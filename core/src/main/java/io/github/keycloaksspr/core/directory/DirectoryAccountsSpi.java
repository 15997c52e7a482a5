package io.github.keycloaksspr.core.directory;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@value #NAME}: lockout and disabled state kept by the user's directory. */
public final class DirectoryAccountsSpi implements Spi {

    public static final String NAME = "sspr-directory-accounts";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return DirectoryAccounts.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return DirectoryAccountsFactory.class;
    }
}
