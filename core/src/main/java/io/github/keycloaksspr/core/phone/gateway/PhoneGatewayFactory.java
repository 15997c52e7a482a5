package io.github.keycloaksspr.core.phone.gateway;

import org.keycloak.provider.ProviderFactory;

/** Factory type of {@link PhoneGatewaySpi}. */
public interface PhoneGatewayFactory extends ProviderFactory<PhoneGateway> {
}
