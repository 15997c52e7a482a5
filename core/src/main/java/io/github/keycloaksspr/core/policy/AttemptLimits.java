package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.ATTEMPTS_PER_ACCOUNT;
import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.ATTEMPTS_PER_CLIENT_IP;
import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.ATTEMPTS_WINDOW_HOURS;

import java.time.Duration;

/**
 * How many wrong answers SSPR accepts before it blocks: per account (or per typed name, for names that cannot reset)
 * and per client address, in any session on any node, within a window. Entra blocks an account for 24 hours after 5
 * failed attempts; the defaults do the same.
 *
 * @param perAccount  wrong answers of one account (or typed name) per window
 * @param perClientIp wrong answers from one client address (IPv6: one /64) per window, across accounts
 * @param window      how long a block lasts at most (fixed windows)
 */
public record AttemptLimits(int perAccount, int perClientIp, Duration window) {

    /** The ledger lives in slots of the cluster cache; beyond this a limit is no limit. */
    public static final int MAX_ATTEMPTS = 100;
    public static final int MAX_WINDOW_HOURS = 168;

    public static final AttemptLimits DEFAULTS = new AttemptLimits(5, 50, Duration.ofHours(24));

    public AttemptLimits {
        if (perAccount < 1 || perAccount > MAX_ATTEMPTS) {
            throw new InvalidPolicyException(ATTEMPTS_PER_ACCOUNT, "must be 1 to " + MAX_ATTEMPTS);
        }
        if (perClientIp < 1 || perClientIp > MAX_ATTEMPTS) {
            throw new InvalidPolicyException(ATTEMPTS_PER_CLIENT_IP, "must be 1 to " + MAX_ATTEMPTS);
        }
        if (window == null || window.toHours() < 1 || window.toHours() > MAX_WINDOW_HOURS) {
            throw new InvalidPolicyException(ATTEMPTS_WINDOW_HOURS, "must be 1 to " + MAX_WINDOW_HOURS + " hours");
        }
    }

    static AttemptLimits read(ConfigReader read) {
        return new AttemptLimits(
                read.integer(ATTEMPTS_PER_ACCOUNT, DEFAULTS.perAccount),
                read.integer(ATTEMPTS_PER_CLIENT_IP, DEFAULTS.perClientIp),
                Duration.ofHours(read.integer(ATTEMPTS_WINDOW_HOURS, (int) DEFAULTS.window.toHours())));
    }
}
