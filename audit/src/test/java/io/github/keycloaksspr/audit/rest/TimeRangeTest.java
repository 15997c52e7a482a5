package io.github.keycloaksspr.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final long NOW = 1_795_000_000_000L;

    @Test
    void defaultsToTheLast30Days() {
        assertThat(TimeRange.parse(null, null, NOW)).isEqualTo(new TimeRange(NOW - 30L * 86_400_000L, NOW));
    }

    @Test
    void aDateAsToIncludesThatWholeDay() {
        TimeRange range = TimeRange.parse("2026-11-01", "2026-11-01", NOW);
        assertThat(range.to() - range.from()).isEqualTo(86_400_000L);
        assertThat(TimeRange.parse("2026-11-01T10:00:00Z", "1795000000000", NOW).from()).isEqualTo(1_793_527_200_000L);
    }

    @Test
    void refusesGarbageAndEmptyRanges() {
        assertThatThrownBy(() -> TimeRange.parse("yesterday", null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeRange.parse("2026-11-02", "2026-11-01", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
