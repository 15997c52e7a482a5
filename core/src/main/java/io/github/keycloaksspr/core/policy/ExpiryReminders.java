package io.github.keycloaksspr.core.policy;

import java.util.Comparator;
import java.util.List;

/**
 * When users hear that their password expires (realms with Keycloak's <em>Expire Password</em> policy, or passwords
 * of Active Directory): one reminder at each threshold, by mail to the account address and, when asked, by text to
 * the registered mobile phone.
 *
 * @param days thresholds, days before the expiry, largest first; empty: no reminders
 * @param sms  whether a text goes to the registered mobile phone too
 */
public record ExpiryReminders(List<Integer> days, boolean sms) {

    public static final int MAX_DAYS = 90;

    public static final ExpiryReminders DEFAULTS = new ExpiryReminders(
            PolicySettings.REMINDER_DAYS_SETTING.defaultValue().stream().map(Integer::parseInt).toList(),
            PolicySettings.REMINDER_SMS_SETTING.defaultValue());

    public ExpiryReminders {
        days = days.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        for (int day : days) {
            if (day < 1 || day > MAX_DAYS) {
                throw new InvalidPolicyException(SsprPolicyKeys.REMINDER_DAYS, "days must be 1 to " + MAX_DAYS);
            }
        }
    }

    /** The largest threshold: how far ahead expiries are looked for; 0 without reminders. */
    public int horizonDays() {
        return days.isEmpty() ? 0 : days.get(0);
    }

    static ExpiryReminders read(ConfigReader read) {
        List<Integer> days;
        try {
            days = PolicySettings.REMINDER_DAYS_SETTING.read(read).stream().map(String::strip).map(Integer::parseInt)
                    .toList();
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(SsprPolicyKeys.REMINDER_DAYS, "days must be whole numbers");
        }
        return new ExpiryReminders(days, PolicySettings.REMINDER_SMS_SETTING.read(read));
    }
}
