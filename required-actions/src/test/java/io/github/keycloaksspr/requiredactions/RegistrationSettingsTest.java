package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import org.junit.jupiter.api.Test;

class RegistrationSettingsTest {

    private static final long DAY = 86_400L;

    @Test
    void absentConfigGivesTheDefaults() {
        assertThat(RegistrationSettings.from(null)).isEqualTo(new RegistrationSettings(true, 180, 3));
        assertThat(RegistrationSettings.from(Map.of(RegistrationSettings.RECONFIRM_DAYS, " ")))
                .isEqualTo(RegistrationSettings.DEFAULTS);
    }

    @Test
    void readsEveryOption() {
        assertThat(RegistrationSettings.from(Map.of(
                RegistrationSettings.REQUIRE_AT_SIGN_IN, "false",
                RegistrationSettings.RECONFIRM_DAYS, "0",
                RegistrationSettings.QUESTIONS_TO_REGISTER, "5")))
                .isEqualTo(new RegistrationSettings(false, 0, 5));
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
        RegistrationSettings never = new RegistrationSettings(true, 0, 3);
        assertThat(never.reconfirmationDue(0L, 10_000 * DAY)).isFalse();
        assertThat(never.reconfirmationDue(null, 10_000 * DAY)).isFalse();
    }
}
