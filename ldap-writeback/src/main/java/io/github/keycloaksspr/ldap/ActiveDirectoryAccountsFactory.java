package io.github.keycloaksspr.ldap;

import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryAccountsFactory;
import org.keycloak.models.KeycloakSession;

/** Provider {@value #PROVIDER_ID} of SPI {@code sspr-directory-accounts}. */
public final class ActiveDirectoryAccountsFactory implements DirectoryAccountsFactory {

    public static final String PROVIDER_ID = "sspr-active-directory";

    @Override
    public DirectoryAccounts create(KeycloakSession session) {
        return new ActiveDirectoryAccounts(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
