package io.github.keycloaksspr.core.budget;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many codes may be sent within one window: to one destination, for one user, from one client
 * address, and for SMS and calls by the whole realm. The policy supplies the numbers.
 */
public record SendLimits(int perDestination, int perUser, int perClientIp, Duration window, OptionalInt realmPhone) {

    public SendLimits(int perDestination, int perUser, int perClientIp, Duration window) {
        this(perDestination, perUser, perClientIp, window, OptionalInt.empty());
    }

    /** These limits, and the realm's ceiling of SMS and calls (a phone send draws on it last). */
    public SendLimits withRealmPhoneCeiling(int ceiling) {
        return new SendLimits(perDestination, perUser, perClientIp, window, OptionalInt.of(ceiling));
    }

    public SendLimits {
        Objects.requireNonNull(realmPhone, "realmPhone");
        SendBudget.requireLimit(perDestination);
        SendBudget.requireLimit(perUser);
        SendBudget.requireLimit(perClientIp);
        SendBudget.requireWindow(window);
    }
}
