package io.github.keycloaksspr.core.method;

import java.util.List;
import java.util.Objects;

/**
 * What in Keycloak's database shows that a user has registered a method, so that reports count registrations in SQL
 * instead of asking every user's methods one by one: a credential of one of some types, or a user attribute.
 *
 * @param credentialTypes     credential types any of which registers the method; empty for an attribute
 * @param vettedCredentials   whether the credentials are Keycloak's own, which count only once vetted
 *                            ({@link io.github.keycloaksspr.core.credential.KeycloakCredentialVetting})
 * @param attribute           the user attribute that registers the method, or null for credentials
 */
public record RegistrationEvidence(List<String> credentialTypes, boolean vettedCredentials, String attribute) {

    public RegistrationEvidence {
        credentialTypes = List.copyOf(credentialTypes);
        if (credentialTypes.isEmpty() == (attribute == null)) {
            throw new IllegalArgumentException("evidence is either credentials or an attribute");
        }
    }

    /** A credential of the pack's own type. */
    public static RegistrationEvidence packCredential(String type) {
        return new RegistrationEvidence(List.of(Objects.requireNonNull(type, "type")), false, null);
    }

    /** One of Keycloak's own credentials (authenticator app, passkeys), counted only when vetted. */
    public static RegistrationEvidence keycloakCredentials(List<String> types) {
        return new RegistrationEvidence(types, true, null);
    }

    /** A user attribute holding the value (an office number from the directory). */
    public static RegistrationEvidence attribute(String name) {
        return new RegistrationEvidence(List.of(), false, Objects.requireNonNull(name, "name"));
    }

    public boolean isAttribute() {
        return attribute != null;
    }
}
