package io.github.keycloaksspr.core.pack;

import org.keycloak.provider.Provider;

/** Marker provider of {@link SsprPackSpi}; it carries no behaviour, its factory carries the server info. */
public final class SsprPackProvider implements Provider {

    @Override
    public void close() {
    }
}
