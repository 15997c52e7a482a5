package io.github.keycloaksspr.core.events;

/**
 * Reasons ({@link SsprEvents#REASON}) that more than one step records or that the audit trail classifies by. Reasons a
 * single method reports about itself (e.g. {@code wrong_code}) stay with that method.
 */
public final class SsprReasons {

    /** The reset policy's configuration cannot be read: every reset fails closed. */
    public static final String INVALID_POLICY = "invalid_policy";
    /** A later step found no proof for this user in this flow. */
    public static final String IDENTITY_NOT_VERIFIED = "identity_not_verified";
    /** The account, typed name or client address reached the attempt ledger's limit: blocked from SSPR for now. */
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    public static final String NO_METHODS_LEFT = "no_methods_left";
    public static final String METHOD_NOT_OFFERED = "method_not_offered";
    /** The user would have fewer methods than the policy requires. */
    public static final String BELOW_REQUIRED = "below_required";
    public static final String GRACE_PERIOD_OVER = "grace_period_over";
    public static final String NOT_REGISTERED = "not_registered";

    /** The suffix of every send-budget refusal ({@code user_limit_reached}, {@code destination_limit_reached}...). */
    public static final String LIMIT_REACHED_SUFFIX = "_limit_reached";
    /** What a verification counts as when no code could be sent: nothing was tried, so it is no failed proof. */
    public static final String OUTCOME_REFUSED = "refused";

    private SsprReasons() {
    }

    /** Whether {@code reason} says a send budget refused the code: nothing was sent, nothing verified. */
    public static boolean isSendRefusal(String reason) {
        return reason != null && reason.endsWith(LIMIT_REACHED_SUFFIX);
    }
}
