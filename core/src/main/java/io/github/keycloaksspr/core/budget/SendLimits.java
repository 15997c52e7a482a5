package io.github.keycloaksspr.core.budget;

import java.time.Duration;

/**
 * How many codes may be sent within one window: to one destination, for one user, from one client
 * address. The policy supplies the numbers.
 */
public record SendLimits(int perDestination, int perUser, int perClientIp, Duration window) {

    public SendLimits {
        SendBudget.requireLimit(perDestination);
        SendBudget.requireLimit(perUser);
        SendBudget.requireLimit(perClientIp);
        SendBudget.requireWindow(window);
    }
}
