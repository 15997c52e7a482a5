package io.github.keycloaksspr.core.guard;

import io.github.keycloaksspr.core.spi.SsprSpi;

/** SPI {@value #NAME}: the rule that keeps users from removing methods below the reset policy's minimum. */
public final class RemovalGuardSpi extends SsprSpi {

    public static final String NAME = "sspr-removal-guard";

    public RemovalGuardSpi() {
        super(NAME, RemovalGuard.class, RemovalGuardFactory.class);
    }
}
