package io.github.keycloaksspr.core.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * One answer as Keycloak's password hashing left it: everything {@code PasswordHashProvider.verify}
 * needs, and nothing from which the answer can be read back.
 *
 * @param algorithm           the hash provider id, e.g. {@code argon2} or {@code pbkdf2-sha512}
 * @param iterations          the provider's iteration count
 * @param algorithmData       the provider's further parameters (Argon2: type, version, memory, ...)
 * @param secretAlgorithmData further secret-side parameters; no built-in provider uses them
 * @param salt                the salt, Base64
 * @param value               the hash, Base64
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HashedAnswer(
        String algorithm,
        int iterations,
        Map<String, List<String>> algorithmData,
        Map<String, List<String>> secretAlgorithmData,
        String salt,
        String value) {

    public HashedAnswer {
        if (algorithm == null || algorithm.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a hashed answer needs an algorithm and a value");
        }
        algorithmData = algorithmData == null ? Map.of() : Map.copyOf(algorithmData);
        secretAlgorithmData = secretAlgorithmData == null ? Map.of() : Map.copyOf(secretAlgorithmData);
    }

    /** Takes what {@code PasswordHashProvider.encodedCredential} produced. */
    public static HashedAnswer of(PasswordCredentialModel encoded) {
        PasswordCredentialData data = encoded.getPasswordCredentialData();
        PasswordSecretData secret = encoded.getPasswordSecretData();
        byte[] salt = secret.getSalt();
        return new HashedAnswer(
                data.getAlgorithm(),
                data.getHashIterations(),
                data.getAdditionalParameters(),
                secret.getAdditionalParameters(),
                salt == null ? null : Base64.getEncoder().encodeToString(salt),
                secret.getValue());
    }

    /** The form {@code PasswordHashProvider.verify} takes. */
    public PasswordCredentialModel toPasswordCredentialModel() {
        try {
            return PasswordCredentialModel.createFromValues(
                    new PasswordCredentialData(iterations, algorithm, algorithmData),
                    new PasswordSecretData(value, salt, secretAlgorithmData));
        } catch (IOException e) {
            throw new UncheckedIOException("stored answer hash has an unreadable salt", e);
        }
    }

    // Not a secret in clear, but an offline-guessable one: keep it out of logs.
    @Override
    public String toString() {
        return "HashedAnswer[algorithm=" + algorithm + ", iterations=" + iterations + ", value=(hidden)]";
    }
}
