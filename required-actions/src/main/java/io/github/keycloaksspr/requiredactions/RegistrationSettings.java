package io.github.keycloaksspr.requiredactions;

import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.policy.InvalidPolicyException;

/**
 * The required action's config (admin console: Authentication → Required actions → configure): one immutable,
 * validated value. Absent keys take the defaults; bad values are refused with the key named.
 *
 * @param requireAtSignIn     send users with too few methods to registration at sign-in
 * @param reconfirmDays       days after which a user confirms their methods again; 0 = never
 * @param questionsToRegister how many security questions a user registers (3 to 5)
 */
public record RegistrationSettings(boolean requireAtSignIn, int reconfirmDays, int questionsToRegister) {

    public static final String REQUIRE_AT_SIGN_IN = "sspr.register.requireAtSignIn";
    public static final String RECONFIRM_DAYS = "sspr.register.reconfirmDays";
    public static final String QUESTIONS_TO_REGISTER = "sspr.register.questionsToRegister";

    /** Ten years: beyond this "reconfirm" means never, and say so with 0. */
    public static final int MAX_RECONFIRM_DAYS = 3650;

    public static final RegistrationSettings DEFAULTS = new RegistrationSettings(true, 180, 3);

    private static final long SECONDS_PER_DAY = 86_400L;

    public RegistrationSettings {
        require(reconfirmDays >= 0 && reconfirmDays <= MAX_RECONFIRM_DAYS, RECONFIRM_DAYS,
                "must be 0 (never) to " + MAX_RECONFIRM_DAYS);
        require(questionsToRegister >= 3 && questionsToRegister <= 5, QUESTIONS_TO_REGISTER, "must be 3 to 5");
    }

    public static RegistrationSettings from(Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        return new RegistrationSettings(
                bool(values, REQUIRE_AT_SIGN_IN, DEFAULTS.requireAtSignIn),
                integer(values, RECONFIRM_DAYS, DEFAULTS.reconfirmDays),
                integer(values, QUESTIONS_TO_REGISTER, DEFAULTS.questionsToRegister));
    }

    /**
     * Whether a user who last confirmed at {@code confirmedAt} (epoch seconds, null = never) must confirm again at
     * {@code now} (epoch seconds).
     */
    public boolean reconfirmationDue(Long confirmedAt, long now) {
        if (reconfirmDays == 0) {
            return false;
        }
        return confirmedAt == null || now - confirmedAt > reconfirmDays * SECONDS_PER_DAY;
    }

    private static String raw(Map<String, String> config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static int integer(Map<String, String> config, String key, int fallback) {
        String value = raw(config, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(key, "not a whole number");
        }
    }

    private static boolean bool(Map<String, String> config, String key, boolean fallback) {
        String value = raw(config, key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidPolicyException(key, "must be true or false");
        };
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidPolicyException(key, problem);
        }
    }
}
