package io.github.keycloaksspr.core.method;

/**
 * The result of checking an answer.
 *
 * @param status     what happened
 * @param errorKey   message key shown to the user unless VERIFIED
 * @param reason     machine-readable reason for events ({@code sspr_reason})
 */
public record MethodOutcome(Status status, String errorKey, String reason) {

    public enum Status {
        /** Proven. */
        VERIFIED,
        /** Wrong answer; the user may try again. */
        WRONG,
        /** The challenge is spent (expired, used, too many wrong answers): a new one must be started. */
        SPENT
    }

    public static MethodOutcome verified() {
        return new MethodOutcome(Status.VERIFIED, null, "verified");
    }

    public static MethodOutcome wrong(String errorKey, String reason) {
        return new MethodOutcome(Status.WRONG, errorKey, reason);
    }

    public static MethodOutcome spent(String errorKey, String reason) {
        return new MethodOutcome(Status.SPENT, errorKey, reason);
    }
}
