package io.github.keycloaksspr.core.budget;

/** Whether a send may proceed, and if not, which budget refused it (for the audit trail, not for the user). */
public enum SendDecision {
    ALLOWED,
    DESTINATION_LIMIT_REACHED,
    USER_LIMIT_REACHED,
    CLIENT_IP_LIMIT_REACHED,
    /** The realm's ceiling of SMS and calls per window: phone methods pause, email goes on. */
    REALM_PHONE_LIMIT_REACHED;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
