package io.github.keycloaksspr.core.audience;

/**
 * Why a named account cannot reset. Each is recorded as the event's reason, and the audit trail counts every one as
 * Entra's "blocked from self-service password reset".
 */
public enum Ineligibility {

    USER_NOT_FOUND("user_not_found"),
    /** Includes Keycloak's permanent brute-force lockout, which disables the account. */
    USER_DISABLED("user_disabled"),
    OUT_OF_SCOPE("out_of_scope"),
    NOT_REGISTERED("not_registered"),
    /** Signs in only through another organisation's identity provider: nothing here to reset. */
    GUEST_ACCOUNT("guest_account");

    private final String reason;

    Ineligibility(String reason) {
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public static boolean isReason(String reason) {
        for (Ineligibility value : values()) {
            if (value.reason.equals(reason)) {
                return true;
            }
        }
        return false;
    }
}
