package io.github.keycloaksspr.core.method;

import io.github.keycloaksspr.core.spi.SsprSpi;

/**
 * The verification methods of the reset flow. Adding a method is one provider of this SPI, not an edit of the flow:
 * the verify step asks the policy which method ids are enabled and looks each up here.
 */
public final class SsprMethodSpi extends SsprSpi {

    public static final String NAME = "sspr-method";

    public SsprMethodSpi() {
        super(NAME, SsprMethod.class, SsprMethodFactory.class);
    }
}
