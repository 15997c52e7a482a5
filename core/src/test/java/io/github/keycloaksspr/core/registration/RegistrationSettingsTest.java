package io.github.keycloaksspr.core.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.core.credential.PredefinedQuestions;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import org.junit.jupiter.api.Test;

class RegistrationSettingsTest {

    private static final long DAY = 86_400L;

    @Test
    void absentConfigGivesTheDefaults() {
        assertThat(RegistrationSettings.from(null)).isEqualTo(new RegistrationSettings(true, 180, 3, 0, PredefinedQuestions.KEYS, List.of()));
        assertThat(RegistrationSettings.from(Map.of(RegistrationSettings.RECONFIRM_DAYS, " ")))
                .isEqualTo(RegistrationSettings.DEFAULTS);
    }

    @Test
    void readsEveryOption() {
        assertThat(RegistrationSettings.from(Map.of(
                RegistrationSettings.REQUIRE_AT_SIGN_IN, "false",
                RegistrationSettings.RECONFIRM_DAYS, "0",
                RegistrationSettings.QUESTIONS_TO_REGISTER, "4",
                RegistrationSettings.GRACE_DAYS, "14",
                RegistrationSettings.PREDEFINED_QUESTIONS, "ssprQuestionFirstPet##ssprQuestionFirstCar",
                RegistrationSettings.CUSTOM_QUESTIONS, "Name of your first teddy?## Street you grew up in ")))
                .isEqualTo(new RegistrationSettings(false, 0, 4, 14,
                        List.of("ssprQuestionFirstPet", "ssprQuestionFirstCar"),
                        List.of("Name of your first teddy?", "Street you grew up in")));
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(RegistrationSettings.QUESTIONS_TO_REGISTER, "6")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(RegistrationSettings.QUESTIONS_TO_REGISTER);
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(RegistrationSettings.RECONFIRM_DAYS, "-1")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(RegistrationSettings.RECONFIRM_DAYS);
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(RegistrationSettings.RECONFIRM_DAYS, "soon")))
                .isInstanceOf(InvalidPolicyException.class);
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(RegistrationSettings.REQUIRE_AT_SIGN_IN, "yes")))
                .isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void reconfirmationIsDueAfterThePeriodOrWhenNeverConfirmed() {
        long now = 1_000 * DAY;
        RegistrationSettings settings = RegistrationSettings.DEFAULTS;
        assertThat(settings.reconfirmationDue(now - 180 * DAY, now)).isFalse();
        assertThat(settings.reconfirmationDue(now - 181 * DAY, now)).isTrue();
        assertThat(settings.reconfirmationDue(null, now)).isTrue();
    }

    @Test
    void zeroDaysMeansNever() {
        RegistrationSettings never = new RegistrationSettings(true, 0, 3, 0, PredefinedQuestions.KEYS, List.of());
        assertThat(never.reconfirmationDue(0L, 10_000 * DAY)).isFalse();
        assertThat(never.reconfirmationDue(null, 10_000 * DAY)).isFalse();
    }

    @Test
    void refusesAPoolSmallerThanTheQuestionsToRegisterAndUnknownOrDuplicateQuestions() {
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(
                RegistrationSettings.PREDEFINED_QUESTIONS, "ssprQuestionFirstPet##ssprQuestionFirstCar")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(
                RegistrationSettings.PREDEFINED_QUESTIONS, "ssprQuestionMothersMaidenName")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(RegistrationSettings.PREDEFINED_QUESTIONS);
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(
                RegistrationSettings.CUSTOM_QUESTIONS, "Same?##Same?")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(RegistrationSettings.CUSTOM_QUESTIONS);
        assertThatThrownBy(() -> RegistrationSettings.from(Map.of(RegistrationSettings.GRACE_DAYS, "91")))
                .isInstanceOf(InvalidPolicyException.class).hasMessageContaining(RegistrationSettings.GRACE_DAYS);
    }

    @Test
    void thePoolListsPredefinedKeysThenCustomQuestionsAsStoredIds() {
        RegistrationSettings settings = RegistrationSettings.from(Map.of(
                RegistrationSettings.PREDEFINED_QUESTIONS, "ssprQuestionFirstPet##ssprQuestionFirstCar",
                RegistrationSettings.CUSTOM_QUESTIONS, "Name of your first teddy?"));
        assertThat(settings.questionPool()).containsExactly("ssprQuestionFirstPet", "ssprQuestionFirstCar",
                "custom:Name of your first teddy?");
    }

    @Test
    void skippingIsAllowedOnlyWithinTheGraceDaysFromTheFirstPrompt() {
        long now = 1_000 * DAY;
        RegistrationSettings twoWeeks = RegistrationSettings.from(Map.of(RegistrationSettings.GRACE_DAYS, "14"));
        assertThat(twoWeeks.maySkip(null, now)).isTrue();
        assertThat(twoWeeks.maySkip(now - 13 * DAY, now)).isTrue();
        assertThat(twoWeeks.maySkip(now - 14 * DAY, now)).isFalse();
        assertThat(RegistrationSettings.DEFAULTS.maySkip(null, now)).isFalse();
    }
}
