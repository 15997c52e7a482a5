package io.github.keycloaksspr.core.events;

/**
 * What the security-info registration records: {@link SsprEvents#STEP} values of its own events and the errors of its
 * refusals. The audit trail reads the same constants.
 */
public final class RegistrationEvents {

    /** The required action's provider id, which Keycloak puts in {@code custom_required_action}. */
    public static final String ACTION_ID = "sspr-register-security-info";

    public static final String CONFIRMED = "confirmed";
    public static final String SKIPPED = "skipped";
    public static final String CODE_SENT = "code-sent";
    public static final String HAND_OFF = "hand-off";
    /** A change was asked for and an existing method must be proven first. */
    public static final String PROOF_ASKED = "proof-asked";
    /** An existing method was proven (or failed to be) before a change. */
    public static final String PROOF = "proof";
    /**
     * An account whose security info is all gone proved its account address (or failed to) before registering anew:
     * never a first registration again.
     */
    public static final String REGISTERING_AGAIN = "registering-again";

    public static final String CONFIRM_REFUSED = SsprEvents.error("confirm_refused");
    public static final String SKIP_REFUSED = SsprEvents.error("skip_refused");
    public static final String REMOVE_REFUSED = SsprEvents.error("remove_refused");
    public static final String QUESTIONS_REFUSED = SsprEvents.error("questions_refused");
    public static final String SEND_REFUSED = SsprEvents.error("send_refused");
    public static final String PHONE_REFUSED = SsprEvents.error("phone_refused");
    public static final String EMAIL_REFUSED = SsprEvents.error("email_refused");
    public static final String PROOF_FAILED = SsprEvents.error("proof_failed");

    private RegistrationEvents() {
    }
}
