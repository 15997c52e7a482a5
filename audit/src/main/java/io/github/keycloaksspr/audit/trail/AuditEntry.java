package io.github.keycloaksspr.audit.trail;

import java.util.Objects;

/**
 * An audit row as the rest of the pack sees it.
 *
 * @param time     epoch milliseconds
 * @param outcome  {@code success} or {@code failure}
 * @param step     the flow step or action ({@code verify-identity}, {@code confirmed}...), may be null
 * @param method   the method id ({@code sspr-sms}) or credential type, may be null
 * @param reason   why it failed (or what succeeded, e.g. {@code account_chosen}), may be null
 */
public record AuditEntry(String realmId, long time, String userId, String username, AuditActivity activity,
                         String step, String method, String outcome, String reason, String clientIp) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public AuditEntry {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(outcome, "outcome");
        username = clip(username, 255);
        step = clip(step, 64);
        method = clip(method, 64);
        reason = clip(reason, 64);
        clientIp = clip(clientIp, 64);
    }

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
