package io.github.keycloaksspr.core.pack;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The pack's own SPI. It exists so that the pack appears, with its version, on the admin console's
 * server-info "Providers" tab: admins can see at a glance which build a cluster node runs.
 */
public final class SsprPackSpi implements Spi {

    public static final String NAME = "sspr-pack";

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
        return SsprPackProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SsprPackProviderFactory.class;
    }
}
