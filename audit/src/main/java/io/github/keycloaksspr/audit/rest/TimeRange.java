package io.github.keycloaksspr.audit.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code from}/{@code to} query parameters: an ISO date ({@code 2026-11-01}, UTC midnight), an ISO instant or
 * epoch milliseconds; {@code [from, to)}. Defaults: the last 30 days up to now. Bad input throws
 * {@link IllegalArgumentException} with a message for the caller.
 */
record TimeRange(long from, long to) {

    static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    static TimeRange parse(String from, String to, long now) {
        long end = to == null || to.isBlank() ? now : parseTime("to", to, true);
        long start = from == null || from.isBlank() ? end - DEFAULT_SPAN.toMillis() : parseTime("from", from, false);
        if (start >= end) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        return new TimeRange(start, end);
    }

    /** A date as {@code to} means the whole day: up to the next midnight. */
    private static long parseTime(String name, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(v);
            }
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date (2026-11-01), an instant "
                    + "(2026-11-01T10:00:00Z) or epoch milliseconds");
        }
    }
}
