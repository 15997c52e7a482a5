package io.github.keycloaksspr.ldap;

import java.time.Duration;
import java.time.Instant;

/** How AD encodes numbers, durations and points in time in its attributes. */
final class AdValues {

    /** Seconds between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private AdValues() {
    }

    /** An integer attribute; 0 when absent or unreadable. */
    static long number(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A duration ({@code minPwdAge}, ...): a negative count of 100-nanosecond intervals. */
    static Duration interval(String value) {
        long ticks = number(value);
        if (ticks == Long.MIN_VALUE) {
            return Duration.ZERO;
        }
        ticks = Math.abs(ticks);
        return Duration.ofSeconds(ticks / TICKS_PER_SECOND, ticks % TICKS_PER_SECOND * 100);
    }

    /** A FILETIME ({@code pwdLastSet}): 100-ns intervals since 1601; null for 0 ("must change") or absent. */
    static Instant fileTime(String value) {
        long ticks = number(value);
        if (ticks <= 0) {
            return null;
        }
        return Instant.ofEpochSecond(ticks / TICKS_PER_SECOND - FILETIME_EPOCH_OFFSET,
                ticks % TICKS_PER_SECOND * 100);
    }
}
