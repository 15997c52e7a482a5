package io.github.keycloaksspr.core.method;

import java.util.Locale;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** What a method may use during one request of the reset flow. */
public record MethodContext(
        KeycloakSession session,
        RealmModel realm,
        AuthenticationSessionModel authSession,
        SsprPolicy policy,
        String clientIp,
        Locale locale) {
}
