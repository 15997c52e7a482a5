package io.github.keycloaksspr.core.credential.keycloak;

/** The order of the pack's replacements of Keycloak's own providers: above the built-in ones (order 0). */
public final class KeycloakOverrides {

    public static final int ORDER = 10;

    private KeycloakOverrides() {
    }
}
