package io.github.keycloaksspr.requiredactions;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.github.keycloaksspr.core.credential.AnswerNormalizer;
import io.github.keycloaksspr.core.credential.SecurityQuestionsCredentialModel;

/**
 * The rules a set of security answers must meet before it is hashed: questions from the pool, each once; answers
 * of 3-200 characters, each different, none repeating its question. Answers are compared as they will be checked:
 * {@link AnswerNormalizer normalized}.
 */
final class QuestionAnswers {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** What is wrong and on which row's field ({@code question-n} or {@code answer-n}, n from 1). */
    record Problem(String field, String messageKey) {

        /** The event's {@code sspr_reason}: the message key without its prefix, e.g. {@code answer_too_short}. */
        String reason() {
            String name = messageKey.replaceFirst("^ssprRegister", "");
            return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }

    private QuestionAnswers() {
    }

    /**
     * @param questionIds  the chosen question per row
     * @param answers      the typed answer per row
     * @param pool         the question ids the admin allows
     * @param questionText a question id's text in the user's language
     */
    static Optional<Problem> check(List<String> questionIds, List<String> answers, Set<String> pool,
                                   Function<String, String> questionText) {
        if (questionIds.stream().anyMatch(q -> q == null || !pool.contains(q))) {
            return Optional.of(new Problem(null, "ssprRegisterQuestionUnknown"));
        }
        Set<String> seenQuestions = new HashSet<>();
        for (int i = 0; i < questionIds.size(); i++) {
            if (!seenQuestions.add(questionIds.get(i))) {
                return Optional.of(new Problem(field("question", i), "ssprRegisterQuestionsDistinct"));
            }
        }
        Set<String> seenAnswers = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            String answer = AnswerNormalizer.normalize(answers.get(i));
            int length = answer.codePointCount(0, answer.length());
            if (length < SecurityQuestionsCredentialModel.MIN_ANSWER_LENGTH) {
                return Optional.of(new Problem(field("answer", i), "ssprRegisterAnswerTooShort"));
            }
            if (length > SecurityQuestionsCredentialModel.MAX_ANSWER_LENGTH) {
                return Optional.of(new Problem(field("answer", i), "ssprRegisterAnswerTooLong"));
            }
            if (repeatsQuestion(answer, AnswerNormalizer.normalize(questionText.apply(questionIds.get(i))))) {
                return Optional.of(new Problem(field("answer", i), "ssprRegisterAnswerRepeatsQuestion"));
            }
            if (!seenAnswers.add(answer)) {
                return Optional.of(new Problem(field("answer", i), "ssprRegisterAnswersDistinct"));
            }
        }
        return Optional.empty();
    }

    /** The answer contains the question, or is made only of the question's own words ("first school"). */
    private static boolean repeatsQuestion(String answer, String question) {
        String questionWords = words(question);
        String answerWords = words(answer);
        if (answerWords.isEmpty() || questionWords.isEmpty()) {
            return false;
        }
        if (answerWords.contains(questionWords)) {
            return true;
        }
        Set<String> vocabulary = new HashSet<>(Arrays.asList(questionWords.split(" ")));
        return vocabulary.containsAll(Arrays.asList(answerWords.split(" ")));
    }

    private static String words(String text) {
        return NON_WORD.matcher(text).replaceAll(" ").strip();
    }

    static String field(String prefix, int index) {
        return prefix + "-" + (index + 1);
    }
}
