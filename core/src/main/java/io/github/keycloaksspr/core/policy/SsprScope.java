package io.github.keycloaksspr.core.policy;

/** Who may use self-service password reset, as in Entra's "Self service password reset enabled" setting. */
public enum SsprScope {
    NONE, GROUP, ALL
}
