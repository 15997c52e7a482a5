package io.github.keycloaksspr.audit.trail;

/**
 * How many audit rows of one realm share a day (epoch day, UTC) and activity, step, method, outcome and reason
 * (empty strings for absent values). What insights are computed from.
 */
public record AuditCount(long day, String activity, String step, String method, String outcome, String reason,
                         long count) {

    public AuditCount {
        step = step == null ? "" : step;
        method = method == null ? "" : method;
        reason = reason == null ? "" : reason;
    }
}
