package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuestionAnswersTest {

    private static final Map<String, String> TEXTS = Map.of(
            "ssprQuestionFirstPet", "What was the name of your first pet?",
            "ssprQuestionBirthCity", "In which city were you born?",
            "ssprQuestionFirstSchool", "What was the name of your first school?",
            "custom:Favourite dish?", "Favourite dish?");
    private static final Set<String> POOL = TEXTS.keySet();
    private static final List<String> THREE = List.of("ssprQuestionFirstPet", "ssprQuestionBirthCity",
            "ssprQuestionFirstSchool");

    private static Optional<QuestionAnswers.Problem> check(List<String> questions, List<String> answers) {
        return QuestionAnswers.check(questions, answers, POOL, TEXTS::get);
    }

    @Test
    void acceptsDistinctQuestionsWithGoodAnswers() {
        assertThat(check(THREE, List.of("Rex the dog", "Hamburg", "Lindenschule"))).isEmpty();
    }

    @Test
    void refusesAQuestionOutsideThePool() {
        assertThat(check(List.of("ssprQuestionFirstPet", "custom:Forged?", "ssprQuestionFirstSchool"),
                List.of("Rex", "Hamburg", "Lindenschule")))
                .contains(new QuestionAnswers.Problem(null, "ssprRegisterQuestionUnknown"));
    }

    @Test
    void refusesTheSameQuestionTwiceNamingTheRow() {
        assertThat(check(List.of("ssprQuestionFirstPet", "ssprQuestionBirthCity", "ssprQuestionFirstPet"),
                List.of("Rex", "Hamburg", "Lindenschule")))
                .contains(new QuestionAnswers.Problem("question-3", "ssprRegisterQuestionsDistinct"));
    }

    @Test
    void refusesShortAnswersCountingNormalizedCharacters() {
        assertThat(check(THREE, List.of("Rex", "  h  ", "Lindenschule")))
                .contains(new QuestionAnswers.Problem("answer-2", "ssprRegisterAnswerTooShort"));
        assertThat(check(THREE, List.of("Rex", "Hamburg", "x".repeat(201))))
                .contains(new QuestionAnswers.Problem("answer-3", "ssprRegisterAnswerTooLong"));
    }

    @Test
    void refusesTheSameAnswerTwiceAsItWouldBeCompared() {
        assertThat(check(THREE, List.of("Hamburg", "HAMBURG ", "Lindenschule")))
                .contains(new QuestionAnswers.Problem("answer-2", "ssprRegisterAnswersDistinct"));
    }

    @Test
    void refusesAnAnswerThatRepeatsItsQuestion() {
        assertThat(check(THREE, List.of("what was the name of your first pet?", "Hamburg", "Lindenschule")))
                .contains(new QuestionAnswers.Problem("answer-1", "ssprRegisterAnswerRepeatsQuestion"));
        assertThat(check(THREE, List.of("Rex", "Hamburg", "First school")))
                .contains(new QuestionAnswers.Problem("answer-3", "ssprRegisterAnswerRepeatsQuestion"));
        assertThat(check(List.of("custom:Favourite dish?", "ssprQuestionBirthCity", "ssprQuestionFirstSchool"),
                List.of("Favourite dish: lasagne", "Hamburg", "Lindenschule")))
                .contains(new QuestionAnswers.Problem("answer-1", "ssprRegisterAnswerRepeatsQuestion"));
        // A word of the question inside a real answer is fine.
        assertThat(check(THREE, List.of("Rex, my first dog", "Hamburg", "Lindenschule"))).isEmpty();
    }

    @Test
    void eventReasonsAreSnakeCaseWithoutThePrefix() {
        assertThat(new QuestionAnswers.Problem("answer-1", "ssprRegisterAnswerTooShort").reason())
                .isEqualTo("answer_too_short");
        assertThat(new QuestionAnswers.Problem(null, "ssprRegisterQuestionUnknown").reason())
                .isEqualTo("question_unknown");
    }
}
