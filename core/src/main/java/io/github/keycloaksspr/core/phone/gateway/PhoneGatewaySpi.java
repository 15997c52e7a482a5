package io.github.keycloaksspr.core.phone.gateway;

import io.github.keycloaksspr.core.spi.SsprSpi;

/**
 * Where SMS and voice codes leave the server. Server-wide on purpose: the provider's credentials are a secret of the
 * operator (SPI options, environment, vault), and a realm admin must not be able to send them to a host of their choice.
 */
public final class PhoneGatewaySpi extends SsprSpi {

    public static final String NAME = "sspr-phone-gateway";

    public PhoneGatewaySpi() {
        super(NAME, PhoneGateway.class, PhoneGatewayFactory.class);
    }
}
