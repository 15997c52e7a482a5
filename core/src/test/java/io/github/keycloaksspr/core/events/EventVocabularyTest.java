package io.github.keycloaksspr.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import io.github.keycloaksspr.core.audience.Ineligibility;
import org.junit.jupiter.api.Test;

/**
 * The event vocabulary is public contract: admins filter Keycloak's events and the audit trail by these values, and
 * realms keep events for months. A renamed value is a broken report, so the values are pinned here.
 */
class EventVocabularyTest {

    @Test
    void resetStepsKeepTheirNames() {
        assertThat(Arrays.stream(ResetStep.values()).map(ResetStep::id))
                .containsExactly("choose-account", "verify-identity", "unlock-or-reset", "new-password");
        Arrays.stream(ResetStep.values()).forEach(step -> assertThat(ResetStep.of(step.id())).contains(step));
        assertThat(ResetStep.of("unlock")).isEmpty();
    }

    @Test
    void everyDetailAndErrorOfThePackIsPrefixed() {
        List<String> details = List.of(SsprEvents.STEP, SsprEvents.METHOD, SsprEvents.OUTCOME, SsprEvents.REASON,
                SsprEvents.DECOY, SsprEvents.VERIFIED_COUNT, SsprEvents.ACTION, SsprEvents.DIRECTORY_ERROR,
                SsprEvents.PURPOSE, SsprEvents.REGISTERED, SsprEvents.SETUP);
        assertThat(details).allMatch(d -> d.startsWith("sspr_")).doesNotHaveDuplicates();
        assertThat(List.of(RegistrationEvents.CONFIRM_REFUSED, RegistrationEvents.SKIP_REFUSED,
                RegistrationEvents.REMOVE_REFUSED, RegistrationEvents.QUESTIONS_REFUSED, RegistrationEvents.SEND_REFUSED))
                .containsExactly("sspr_confirm_refused", "sspr_skip_refused", "sspr_remove_refused",
                        "sspr_questions_refused", "sspr_send_refused");
        assertThat(SsprEvents.error(SsprReasons.INVALID_POLICY)).isEqualTo("sspr_invalid_policy");
    }

    @Test
    void ineligibilityReasonsAreTheAuditsBlockingReasons() {
        assertThat(Arrays.stream(Ineligibility.values()).map(Ineligibility::reason)).containsExactly(
                "user_not_found", "user_disabled", "out_of_scope", "not_registered", "guest_account");
        assertThat(Ineligibility.isReason("guest_account")).isTrue();
        assertThat(Ineligibility.isReason("wrong_code")).isFalse();
        assertThat(Ineligibility.isReason(null)).isFalse();
    }
}
