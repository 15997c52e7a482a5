package io.github.keycloaksspr.core.policy;

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

    public static final AttemptLimits DEFAULTS = new AttemptLimits(
            PolicySettings.ATTEMPTS_PER_ACCOUNT_SETTING.defaultValue(),
            PolicySettings.ATTEMPTS_PER_CLIENT_IP_SETTING.defaultValue(),
            Duration.ofHours(PolicySettings.ATTEMPTS_WINDOW_SETTING.defaultValue()));

    public AttemptLimits {
        PolicySettings.ATTEMPTS_PER_ACCOUNT_SETTING.check(perAccount);
        PolicySettings.ATTEMPTS_PER_CLIENT_IP_SETTING.check(perClientIp);
        if (window == null) {
            throw new InvalidPolicyException(ATTEMPTS_WINDOW_HOURS, "a window is required");
        }
        PolicySettings.ATTEMPTS_WINDOW_SETTING.check((int) Math.min(window.toHours(), Integer.MAX_VALUE));
    }

    static AttemptLimits read(ConfigReader read) {
        return new AttemptLimits(PolicySettings.ATTEMPTS_PER_ACCOUNT_SETTING.read(read),
                PolicySettings.ATTEMPTS_PER_CLIENT_IP_SETTING.read(read),
                Duration.ofHours(PolicySettings.ATTEMPTS_WINDOW_SETTING.read(read)));
    }
}
