package io.github.keycloaksspr.core.credential;

import java.util.List;

/**
 * The pack's own security questions. Their ids are message keys, so each shows in the user's language; an admin's
 * custom question is stored as {@value #CUSTOM_PREFIX} followed by its text.
 */
public final class PredefinedQuestions {

    public static final String CUSTOM_PREFIX = "custom:";

    /** Questions whose answers do not change and are not on a social-media profile. */
    public static final List<String> KEYS = List.of(
            "ssprQuestionFirstPet",
            "ssprQuestionBirthCity",
            "ssprQuestionFirstSchool",
            "ssprQuestionChildhoodFriend",
            "ssprQuestionFirstCar",
            "ssprQuestionFirstConcert",
            "ssprQuestionFavouriteTeacher",
            "ssprQuestionFirstJob",
            "ssprQuestionParentsMet",
            "ssprQuestionChildhoodNickname");

    private PredefinedQuestions() {
    }

    public static boolean isCustom(String questionId) {
        return questionId != null && questionId.startsWith(CUSTOM_PREFIX);
    }

    public static String customId(String text) {
        return CUSTOM_PREFIX + text.strip();
    }
}
