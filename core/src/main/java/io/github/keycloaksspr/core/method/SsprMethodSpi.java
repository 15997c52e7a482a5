package io.github.keycloaksspr.core.method;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The verification methods of the reset flow. Adding a method is one provider of this SPI, not an edit of the flow:
 * the verify step asks the policy which method ids are enabled and looks each up here.
 */
public final class SsprMethodSpi implements Spi {

    public static final String NAME = "sspr-method";

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
        return SsprMethod.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SsprMethodFactory.class;
    }
}
