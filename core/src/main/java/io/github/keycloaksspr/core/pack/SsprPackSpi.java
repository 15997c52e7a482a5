package io.github.keycloaksspr.core.pack;

import io.github.keycloaksspr.core.spi.SsprSpi;

/**
 * The pack's own SPI. It exists so that the pack appears, with its version, on the admin console's
 * server-info "Providers" tab: admins can see at a glance which build a cluster node runs.
 */
public final class SsprPackSpi extends SsprSpi {

    public static final String NAME = "sspr-pack";

    public SsprPackSpi() {
        super(NAME, SsprPackProvider.class, SsprPackProviderFactory.class);
    }
}
