package io.github.keycloaksspr.it.support;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.AnswerHasher;
import io.github.keycloaksspr.core.credential.HashedAnswer;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SecurityAnswer;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Registered security info for test users, imported with the realm as an admin's realm JSON would carry it. Answers
 * are hashed here with PBKDF2-SHA512 in the format of Keycloak's {@code pbkdf2-sha512} provider, which the server then
 * verifies: the test never hands the server a clear answer.
 */
public final class SeededCredentials {

    private static final int ITERATIONS = 1_000;

    private SeededCredentials() {
    }

    public static CredentialRepresentation mobilePhone(String e164) {
        return representation(MobilePhoneCredentialModel.createFor(e164));
    }

    public static CredentialRepresentation alternateEmail(String address) {
        return representation(AlternateEmailCredentialModel.createFor(address));
    }

    /** Question id → answer, in registration order. */
    public static CredentialRepresentation securityQuestions(Map<String, String> answers) {
        List<SecurityAnswer> list = answers.entrySet().stream()
                .map(e -> new SecurityAnswer(e.getKey(), e.getValue())).toList();
        return representation(SecurityQuestionsCredentialModel.createFor(new Pbkdf2Hasher(), list));
    }

    /** An authenticator app (TOTP, 6 digits, 30 s, SHA-1) set up at {@code createdMillis}. */
    public static CredentialRepresentation authenticatorApp(String secret, long createdMillis) {
        CredentialRepresentation rep = representation(OTPCredentialModel.createTOTP(secret, 6, 30, "HmacSHA1"));
        rep.setCreatedDate(createdMillis);
        return rep;
    }

    /** A credential model as the realm import takes it. */
    public static CredentialRepresentation representation(CredentialModel model) {
        CredentialRepresentation rep = new CredentialRepresentation();
        rep.setType(model.getType());
        rep.setUserLabel(model.getUserLabel());
        rep.setCredentialData(model.getCredentialData());
        rep.setSecretData(model.getSecretData() == null ? "{}" : model.getSecretData());
        rep.setCreatedDate(System.currentTimeMillis());
        return rep;
    }

    private static final class Pbkdf2Hasher implements AnswerHasher {

        @Override
        public HashedAnswer hash(String normalizedAnswer) {
            try {
                byte[] salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                KeySpec spec = new PBEKeySpec(normalizedAnswer.toCharArray(), salt, ITERATIONS, 512);
                byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
                return new HashedAnswer("pbkdf2-sha512", ITERATIONS, Map.of(), Map.of(),
                        Base64.getEncoder().encodeToString(salt), Base64.getEncoder().encodeToString(key));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean verify(String normalizedAnswer, HashedAnswer stored) {
            throw new UnsupportedOperationException("the server verifies");
        }
    }
}
