package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.core.guard.RemovalGuard;
import io.github.keycloaksspr.core.guard.RemovalGuardFactory;
import org.keycloak.models.KeycloakSession;

/** Provider {@value #PROVIDER_ID} of SPI {@code sspr-removal-guard}. */
public final class MinimumMethodsRemovalGuardFactory implements RemovalGuardFactory {

    public static final String PROVIDER_ID = "sspr-minimum-methods";

    @Override
    public RemovalGuard create(KeycloakSession session) {
        return new MinimumMethodsRemovalGuard(session);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
