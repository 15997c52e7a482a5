package io.github.keycloaksspr.core.credential;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * JSON (de)serialization of credential data with Keycloak's own mapper, as Keycloak's credential models do, and the
 * typed model of a stored credential.
 */
final class CredentialJson {

    /** What a credential without a secret stores as secret data, as Keycloak's WebAuthn credential does. */
    static final String NO_SECRET = "{}";

    private CredentialJson() {
    }

    static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads stored JSON. The message names the credential type and id, never the content: it holds
     * phone numbers, addresses or answer hashes.
     */
    static <T> T read(String json, Class<T> type, String credentialType, String credentialId) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException(credentialType + " credential " + credentialId + " has no data");
        }
        try {
            T value = JsonSerialization.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException(credentialType + " credential " + credentialId + " has no data");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(credentialType + " credential " + credentialId + " has unreadable data");
        }
    }

    /**
     * {@code model}, typed from the stored credential, with everything else the stored one holds. A credential stored
     * without a label (imported with a realm, created by an administrator's REST call) reads with {@code labelWhenNone}
     * (the masked value the page gives), so that the Account Console never lists it by its type id.
     */
    static <T extends CredentialModel> T restored(T model, CredentialModel stored, String type, String labelWhenNone) {
        model.setId(stored.getId());
        model.setType(type);
        String label = stored.getUserLabel();
        model.setUserLabel(label == null || label.isBlank() ? labelWhenNone : label);
        model.setCreatedDate(stored.getCreatedDate());
        model.setCredentialData(stored.getCredentialData());
        model.setSecretData(stored.getSecretData());
        model.setFederationLink(stored.getFederationLink());
        return model;
    }
}
