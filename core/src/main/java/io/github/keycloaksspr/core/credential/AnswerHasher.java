package io.github.keycloaksspr.core.credential;

/**
 * Hashes and checks normalized security answers. In the server this is Keycloak's password hashing
 * ({@link PasswordHashAnswerHasher}); the interface lets the credential model's logic be tested
 * without a server.
 */
public interface AnswerHasher {

    /** Hashes an answer already passed through {@link AnswerNormalizer}, with a fresh salt. */
    HashedAnswer hash(String normalizedAnswer);

    /** Whether {@code normalizedAnswer} is the answer that produced {@code stored}. */
    boolean verify(String normalizedAnswer, HashedAnswer stored);
}
