package io.github.keycloaksspr.core.credential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;

/**
 * A user's security questions with their hashed answers: one credential holds the whole set.
 * <ul>
 * <li>credential data, readable by the user and admins: the question ids in registration order,
 *     {@code {"questions":["sspr.q.firstPet","custom:My favourite teacher"]}}</li>
 * <li>secret data: per question the {@link AnswerNormalizer normalized} answer hashed with Keycloak's
 *     password hashing, {@code {"answers":[{"question":"sspr.q.firstPet","hash":{"algorithm":"argon2",
 *     "iterations":5,"algorithmData":{...},"salt":"...","value":"..."}}]}}</li>
 * </ul>
 * Answers are never stored, logged or returned in clear.
 */
public final class SecurityQuestionsCredentialModel extends CredentialModel {

    public static final String TYPE = SsprCredentialTypes.SECURITY_QUESTIONS;

    /** Custom questions are stored as their text: long enough for a real question, short enough for a page. */
    public static final int MAX_QUESTION_ID_LENGTH = 255;
    /** Entra's minimum; a shorter answer is guessed in a handful of tries. */
    public static final int MIN_ANSWER_LENGTH = 3;
    public static final int MAX_ANSWER_LENGTH = 200;

    private final List<String> questionIds;
    private final List<StoredAnswer> answers;

    private SecurityQuestionsCredentialModel(List<String> questionIds, List<StoredAnswer> answers) {
        this.questionIds = List.copyOf(questionIds);
        this.answers = List.copyOf(answers);
    }

    /** A new, not yet stored credential; answers are hashed with the server's password hashing. */
    public static SecurityQuestionsCredentialModel createFor(KeycloakSession session, List<SecurityAnswer> answers) {
        return createFor(new PasswordHashAnswerHasher(session), answers);
    }

    /**
     * A new, not yet stored credential. Throws if there is no answer, a question id is blank, too long
     * or repeated, or an answer is shorter than {@value #MIN_ANSWER_LENGTH} or longer than
     * {@value #MAX_ANSWER_LENGTH} characters after normalization. How many questions a user must
     * register is policy, checked by the caller.
     */
    public static SecurityQuestionsCredentialModel createFor(AnswerHasher hasher, List<SecurityAnswer> answers) {
        Objects.requireNonNull(hasher, "hasher");
        if (answers == null || answers.isEmpty()) {
            throw new IllegalArgumentException("at least one security question must be answered");
        }
        List<String> questionIds = answers.stream().map(a -> requireQuestionId(a.questionId())).toList();
        Set<String> seen = new HashSet<>();
        for (String id : questionIds) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("security question '" + id + "' is answered twice");
            }
        }
        // All answers are checked before the first (slow) hash is computed.
        List<String> normalizedAnswers = answers.stream().map(SecurityQuestionsCredentialModel::requireAnswer).toList();
        List<StoredAnswer> stored = new ArrayList<>(answers.size());
        for (int i = 0; i < questionIds.size(); i++) {
            stored.add(new StoredAnswer(questionIds.get(i), hasher.hash(normalizedAnswers.get(i))));
        }

        SecurityQuestionsCredentialModel model = new SecurityQuestionsCredentialModel(questionIds, stored);
        model.setType(TYPE);
        model.setCredentialData(CredentialJson.write(new Data(questionIds)));
        model.setSecretData(CredentialJson.write(new Secret(stored)));
        model.setCreatedDate(Time.currentTimeMillis());
        return model;
    }

    public static SecurityQuestionsCredentialModel createFromCredentialModel(CredentialModel stored) {
        Data data = CredentialJson.read(stored.getCredentialData(), Data.class, TYPE, stored.getId());
        Secret secret = CredentialJson.read(stored.getSecretData(), Secret.class, TYPE, stored.getId());
        List<String> questionIds = data.questions() == null ? List.of() : data.questions();
        List<StoredAnswer> answers = secret.answers() == null ? List.of() : secret.answers();
        boolean complete = !questionIds.isEmpty()
                && answers.stream().allMatch(a -> a != null && a.question() != null && a.hash() != null)
                && answers.stream().map(StoredAnswer::question).toList().containsAll(questionIds);
        if (!complete) {
            throw new IllegalArgumentException(TYPE + " credential " + stored.getId() + " has incomplete data");
        }
        return CredentialJson.restored(new SecurityQuestionsCredentialModel(questionIds, answers), stored, TYPE,
                null);
    }

    /** The registered question ids, in registration order. */
    public List<String> questionIds() {
        return questionIds;
    }

    /**
     * Whether {@code rawAnswer} is the registered answer to {@code questionId}, hashed with the
     * algorithm the answer was stored with. Unknown questions and blank answers never match.
     * Each call costs one password hash: callers check one answer per question and count failures.
     */
    public boolean matches(KeycloakSession session, String questionId, String rawAnswer) {
        return matches(new PasswordHashAnswerHasher(session), questionId, rawAnswer);
    }

    public boolean matches(AnswerHasher hasher, String questionId, String rawAnswer) {
        String normalized = AnswerNormalizer.normalize(rawAnswer);
        if (normalized.isEmpty()) {
            return false;
        }
        Optional<StoredAnswer> stored = answers.stream().filter(a -> a.question().equals(questionId)).findFirst();
        return stored.isPresent() && hasher.verify(normalized, stored.get().hash());
    }

    private static String requireQuestionId(String questionId) {
        String id = questionId == null ? "" : questionId.strip();
        if (id.isEmpty() || id.length() > MAX_QUESTION_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a security question id must be 1-" + MAX_QUESTION_ID_LENGTH
                    + " characters without control characters");
        }
        return id;
    }

    // Messages name the question, never the answer.
    private static String requireAnswer(SecurityAnswer answer) {
        String normalized = AnswerNormalizer.normalize(answer.rawAnswer());
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_ANSWER_LENGTH || length > MAX_ANSWER_LENGTH) {
            throw new IllegalArgumentException("the answer to security question '" + answer.questionId().strip()
                    + "' must be " + MIN_ANSWER_LENGTH + "-" + MAX_ANSWER_LENGTH + " characters");
        }
        return normalized;
    }

    /** Unknown fields are ignored so that a node running an older version can read what a newer one wrote. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(List<String> questions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Secret(List<StoredAnswer> answers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StoredAnswer(String question, HashedAnswer hash) {
    }
}
