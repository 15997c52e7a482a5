package io.github.keycloaksspr.authenticators.flow;

import org.keycloak.events.EventBuilder;

/**
 * Event details every reset-flow step records. Keycloak's event types are a fixed enum, so the steps emit
 * {@code RESET_PASSWORD} / {@code RESET_PASSWORD_ERROR} and say what happened in {@code sspr_*} details; the truth
 * (including decoy runs) is always in the event, never on the page.
 */
public final class SsprEvents {

    public static final String STEP = "sspr_step";
    public static final String METHOD = "sspr_method";
    public static final String OUTCOME = "sspr_outcome";
    public static final String REASON = "sspr_reason";
    public static final String DECOY = "sspr_decoy";
    public static final String VERIFIED_COUNT = "sspr_verified_count";

    private SsprEvents() {
    }

    public static EventBuilder step(EventBuilder event, String step) {
        return event.clone().detail(STEP, step);
    }

    /** Records a failure; the error is the reason prefixed with {@code sspr_} so it sorts together in reports. */
    public static void failure(EventBuilder event, String reason) {
        event.detail(OUTCOME, "failure").detail(REASON, reason).error("sspr_" + reason);
    }

    public static void success(EventBuilder event, String outcome) {
        event.detail(OUTCOME, outcome).success();
    }
}
