package io.github.keycloaksspr.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReminderThresholdsTest {

    private final ReminderThresholds thresholds = new ReminderThresholds(List.of(14, 7, 1));

    @Test
    void eachThresholdOnceInTurn() {
        assertThat(thresholds.due(20, Set.of())).isEmpty();
        assertThat(thresholds.due(14, Set.of())).contains(14);
        assertThat(thresholds.due(10, Set.of(14))).as("between two thresholds").isEmpty();
        assertThat(thresholds.due(7, Set.of(14))).contains(7);
        assertThat(thresholds.due(7, Set.of(14, 7))).as("never twice").isEmpty();
        assertThat(thresholds.due(1, Set.of(14, 7))).contains(1);
        assertThat(thresholds.due(0, Set.of(14, 7))).as("the last day still gets the last reminder").contains(1);
    }

    @Test
    void aPasswordFirstSeenLateGetsOnlyTheReminderOfItsTimeAndNeverAnEarlierOneAfterwards() {
        assertThat(thresholds.due(5, Set.of())).contains(7);
        assertThat(thresholds.reached(5)).containsExactly(14, 7);
        assertThat(thresholds.due(5, Set.of(14, 7))).isEmpty();
    }

    @Test
    void anExpiredPasswordGetsNoReminder() {
        assertThat(thresholds.due(-1, Set.of())).isEmpty();
    }
}
