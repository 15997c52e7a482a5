package io.github.keycloaksspr.reminders;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which reminder is due for one password: each threshold once. The thresholds a password reached (days left at most
 * the threshold) are all done by one reminder, the one of the smallest: a password first seen 5 days before its
 * expiry gets the 7-day reminder, and never the 14-day one afterwards.
 *
 * @param days thresholds, largest first
 */
record ReminderThresholds(List<Integer> days) {

    /** The reminder due now, if any: the smallest threshold reached, unless it was sent. */
    Optional<Integer> due(long daysLeft, Set<Integer> sent) {
        return reached(daysLeft).stream().reduce((larger, smaller) -> smaller).filter(day -> !sent.contains(day));
    }

    /** The thresholds a password with {@code daysLeft} has reached, largest first. */
    List<Integer> reached(long daysLeft) {
        return daysLeft < 0 ? List.of() : days.stream().filter(day -> daysLeft <= day).toList();
    }
}
