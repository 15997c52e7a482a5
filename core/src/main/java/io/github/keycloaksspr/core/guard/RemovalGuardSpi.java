package io.github.keycloaksspr.core.guard;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@value #NAME}: the rule that keeps users from removing methods below the reset policy's minimum. */
public final class RemovalGuardSpi implements Spi {

    public static final String NAME = "sspr-removal-guard";

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
        return RemovalGuard.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RemovalGuardFactory.class;
    }
}
