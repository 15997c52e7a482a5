package io.github.keycloaksspr.core.directory;

import io.github.keycloaksspr.core.spi.SsprSpi;

/** SPI {@value #NAME}: lockout and disabled state kept by the user's directory. */
public final class DirectoryAccountsSpi extends SsprSpi {

    public static final String NAME = "sspr-directory-accounts";

    public DirectoryAccountsSpi() {
        super(NAME, DirectoryAccounts.class, DirectoryAccountsFactory.class);
    }
}
