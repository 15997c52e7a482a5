package io.github.keycloaksspr.core.phone.gateway;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Where SMS and voice codes leave the server. Server-wide on purpose: the provider's credentials are a secret of the
 * operator (SPI options, environment, vault), and a realm admin must not be able to send them to a host of their choice.
 */
public final class PhoneGatewaySpi implements Spi {

    public static final String NAME = "sspr-phone-gateway";

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
        return PhoneGateway.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PhoneGatewayFactory.class;
    }
}
