package io.github.keycloaksspr.core.credential;

import java.util.Objects;

/**
 * A question and the answer the user typed for it, on the way to being hashed. It lives only for the
 * request that registers the answers.
 *
 * @param questionId the question's id: a message key such as {@code sspr.q.firstPet}, or
 *                   {@code custom:} followed by the user's own question
 * @param rawAnswer  the answer as typed; a secret, never shown by {@link #toString()}
 */
public record SecurityAnswer(String questionId, String rawAnswer) {

    public SecurityAnswer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(rawAnswer, "rawAnswer");
    }

    @Override
    public String toString() {
        return "SecurityAnswer[questionId=" + questionId + ", rawAnswer=(hidden)]";
    }
}
