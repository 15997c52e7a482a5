package io.github.keycloaksspr.core.events;

/**
 * What a password-expiry reminder records, shared by the reminders and the audit trail: Keycloak's
 * {@code EXECUTE_ACTIONS} (a mail asking the user to act, as an administrator's "update your password" mail) with
 * {@link SsprEvents#STEP} {@value #STEP}, the threshold in {@value #DAYS} and the channels in {@value #CHANNELS}.
 */
public final class ReminderEvents {

    public static final String STEP = "password-expiry-reminder";
    /** The threshold reached: days before the expiry ({@code 14}, {@code 7}...). */
    public static final String DAYS = "sspr_days";
    /** Where it went: {@code email}, or {@code email+sms}. */
    public static final String CHANNELS = "sspr_channels";
    /** Where the expiry came from: {@code keycloak} (the Expire Password policy) or {@code directory}. */
    public static final String SOURCE = "sspr_source";

    private ReminderEvents() {
    }
}
