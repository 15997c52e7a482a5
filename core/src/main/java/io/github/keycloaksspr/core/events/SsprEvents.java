package io.github.keycloaksspr.core.events;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * The event details the pack records, shared by every producer and by the audit trail that reads them. Keycloak's
 * event types are a fixed enum, so the steps emit Keycloak's types and say what happened in {@code sspr_*} details;
 * the truth (including decoy runs) is always in the event, never on the page.
 */
public final class SsprEvents {

    /** The pack's event listener (module audit): where a realm runs it, it records and announces every activity. */
    public static final String LISTENER_ID = "sspr";

    public static final String STEP = "sspr_step";
    public static final String METHOD = "sspr_method";
    public static final String OUTCOME = "sspr_outcome";
    public static final String REASON = "sspr_reason";
    public static final String DECOY = "sspr_decoy";
    public static final String VERIFIED_COUNT = "sspr_verified_count";
    /** What the user chose at the unlock-or-reset step: {@link ResetAction}. */
    public static final String ACTION = "sspr_action";
    /** The directory's own codes for a refused password (AD: {@code 19/0000052D}), never its text. */
    public static final String DIRECTORY_ERROR = "sspr_directory_error";
    /** Which rule of the banned-password policies refused a new password (never the password or the term). */
    public static final String BANNED_RULE = "sspr_banned_rule";
    /** The code purpose of a registration event ({@code register-sms}, {@code register-email}). */
    public static final String PURPOSE = "sspr_purpose";
    /** How many distinct methods a user had when confirming security info. */
    public static final String REGISTERED = "sspr_registered";
    /** Which of Keycloak's setup actions the registration handed off to. */
    public static final String SETUP = "sspr_setup";
    /** Admin events of the policy impact preview: the proposal read and the answer's format. */
    public static final String METHODS = "sspr_methods";
    public static final String REQUIRED = "sspr_required";
    public static final String SCOPE = "sspr_scope";
    public static final String GROUP = "sspr_group";
    public static final String FORMAT = "sspr_format";

    public static final String OUTCOME_FAILURE = "failure";
    /** Every failure's error is its reason with this prefix, so that the pack's errors sort together in reports. */
    private static final String ERROR_PREFIX = "sspr_";

    private SsprEvents() {
    }

    public static EventBuilder step(EventBuilder event, ResetStep step) {
        return event.clone().detail(STEP, step.id());
    }

    /** Records a failure with its reason. */
    public static void failure(EventBuilder event, String reason) {
        event.detail(OUTCOME, OUTCOME_FAILURE).detail(REASON, reason).error(error(reason));
    }

    /** Records the success that ends a reset (a new password set, an account unlocked): Keycloak's RESET_PASSWORD. */
    public static void success(EventBuilder event, String outcome) {
        event.event(EventType.RESET_PASSWORD).detail(OUTCOME, outcome).success();
    }

    /**
     * Records a step of a reset that is not its end (the account named, a method proven, "reset" chosen) as Keycloak's
     * SEND_RESET_PASSWORD, as Keycloak's own reset records the mail it sends: Keycloak's event list then shows one
     * RESET_PASSWORD success per finished reset, and the audit trail every step.
     */
    public static void progress(EventBuilder event, String outcome) {
        event.event(EventType.SEND_RESET_PASSWORD).detail(OUTCOME, outcome).success();
    }

    /** The event error for {@code reason}: {@code sspr_<reason>}. */
    public static String error(String reason) {
        return ERROR_PREFIX + reason;
    }
}
