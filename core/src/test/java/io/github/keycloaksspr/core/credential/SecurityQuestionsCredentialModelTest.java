package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.util.JsonSerialization;

class SecurityQuestionsCredentialModelTest {

    private final RecordingHasher hasher = new RecordingHasher();

    @Test
    void storesQuestionIdsInOrderAndOnlyHashedAnswers() throws Exception {
        SecurityQuestionsCredentialModel model = SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("sspr.q.firstPet", "  Rex the Dog "),
                new SecurityAnswer("custom:My favourite teacher", "Mrs. Müller")));

        assertThat(model.getType()).isEqualTo("sspr-security-questions");
        assertThat(model.questionIds()).containsExactly("sspr.q.firstPet", "custom:My favourite teacher");
        assertThat(model.getCredentialData())
                .isEqualTo("{\"questions\":[\"sspr.q.firstPet\",\"custom:My favourite teacher\"]}");
        // Whole answers (normalized or not): three letters alone turn up in random salts now and then.
        assertThat(model.getSecretData()).doesNotContainIgnoringCase("rex the dog").doesNotContainIgnoringCase("rexthedog")
                .doesNotContainIgnoringCase("müller");

        JsonNode answers = JsonSerialization.readValue(model.getSecretData(), JsonNode.class).get("answers");
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).get("question").asText()).isEqualTo("sspr.q.firstPet");
        assertThat(answers.get(0).get("hash").get("algorithm").asText()).isEqualTo(RecordingHasher.ALGORITHM);
        assertThat(answers.get(0).get("hash").get("salt").asText()).isNotBlank();
        // what reached the hasher was the normalized answer
        assertThat(hasher.hashed).containsExactly("rex the dog", "mrs. müller");
    }

    @Test
    void matchesNormalizedAnswersAfterAStorageRoundTrip() {
        CredentialModel stored = MobilePhoneCredentialModelTest.stored(SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("sspr.q.firstPet", "Rex"),
                new SecurityAnswer("sspr.q.birthCity", "New York"))));

        SecurityQuestionsCredentialModel read = SecurityQuestionsCredentialModel.createFromCredentialModel(stored);

        assertThat(read.questionIds()).containsExactly("sspr.q.firstPet", "sspr.q.birthCity");
        assertThat(read.matches(hasher, "sspr.q.firstPet", " REX ")).isTrue();
        assertThat(read.matches(hasher, "sspr.q.birthCity", "new  york")).isTrue();
        assertThat(read.matches(hasher, "sspr.q.birthCity", "Rex")).isFalse();
        assertThat(read.matches(hasher, "sspr.q.firstPet", "Max")).isFalse();
        assertThat(read.matches(hasher, "sspr.q.unknown", "Rex")).isFalse();
        assertThat(read.matches(hasher, "sspr.q.firstPet", "   ")).isFalse();
    }

    @Test
    void sameAnswerTwiceGetsDifferentSalts() {
        SecurityQuestionsCredentialModel model = SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("q1", "same answer"), new SecurityAnswer("q2", "same answer")));

        assertThat(hasher.produced).hasSize(2);
        assertThat(hasher.produced.get(0).salt()).isNotEqualTo(hasher.produced.get(1).salt());
        assertThat(hasher.produced.get(0).value()).isNotEqualTo(hasher.produced.get(1).value());
        assertThat(model.matches(hasher, "q2", "Same Answer")).isTrue();
    }

    @Test
    void rejectsBadSetsBeforeHashingAnything() {
        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFor(hasher, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("q1", "long enough"), new SecurityAnswer(" q1 ", "another one"))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("q1", "long enough"), new SecurityAnswer("q2", " zq "))))
                .hasMessageContaining("q2")
                .hasMessageNotContaining("zq");
        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer(" ", "long enough"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFor(hasher, List.of(
                new SecurityAnswer("q1", "x".repeat(SecurityQuestionsCredentialModel.MAX_ANSWER_LENGTH + 1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.hashed).isEmpty();
    }

    @Test
    void rejectsStoredSetsWithAQuestionWithoutAnswer() {
        CredentialModel stored = new CredentialModel();
        stored.setId("cred-3");
        stored.setCredentialData("{\"questions\":[\"q1\",\"q2\"]}");
        stored.setSecretData("{\"answers\":[{\"question\":\"q1\",\"hash\":{\"algorithm\":\"argon2\",\"iterations\":5,\"salt\":\"AAAA\",\"value\":\"BBBB\"}}]}");

        assertThatThrownBy(() -> SecurityQuestionsCredentialModel.createFromCredentialModel(stored))
                .hasMessageContaining("cred-3");
    }

    @Test
    void answerNeverAppearsInToString() {
        assertThat(new SecurityAnswer("q1", "Rex").toString()).doesNotContain("Rex");
    }

    @Test
    void hashedAnswerCarriesEverythingKeycloakNeedsToVerify() {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
        PasswordCredentialModel encoded = PasswordCredentialModel.createFromValues(
                "argon2", salt, 5, Map.of("type", List.of("id"), "memory", List.of("7168")), "aGFzaA==");

        PasswordCredentialModel back = HashedAnswer.of(encoded).toPasswordCredentialModel();

        assertThat(back.getPasswordCredentialData().getAlgorithm()).isEqualTo("argon2");
        assertThat(back.getPasswordCredentialData().getHashIterations()).isEqualTo(5);
        assertThat(back.getPasswordCredentialData().getAdditionalParameters().getFirst("memory")).isEqualTo("7168");
        assertThat(back.getPasswordSecretData().getSalt()).isEqualTo(salt);
        assertThat(back.getPasswordSecretData().getValue()).isEqualTo("aGFzaA==");
        assertThat(HashedAnswer.of(encoded).toString()).doesNotContain("aGFzaA");
    }

    /** Salted SHA-256: enough to test the model's logic; the server uses Keycloak's password hashing. */
    static final class RecordingHasher implements AnswerHasher {
        static final String ALGORITHM = "test-sha256";
        final List<String> hashed = new ArrayList<>();
        final List<HashedAnswer> produced = new ArrayList<>();
        private final SecureRandom random = new SecureRandom();

        @Override
        public HashedAnswer hash(String normalizedAnswer) {
            hashed.add(normalizedAnswer);
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            String encodedSalt = Base64.getEncoder().encodeToString(salt);
            HashedAnswer answer = new HashedAnswer(ALGORITHM, 1, null, null, encodedSalt, digest(encodedSalt, normalizedAnswer));
            produced.add(answer);
            return answer;
        }

        @Override
        public boolean verify(String normalizedAnswer, HashedAnswer stored) {
            return stored.value().equals(digest(stored.salt(), normalizedAnswer));
        }

        private static String digest(String salt, String answer) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return Base64.getEncoder().encodeToString(sha.digest((salt + answer).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
