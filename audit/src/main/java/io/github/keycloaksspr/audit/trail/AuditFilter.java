package io.github.keycloaksspr.audit.trail;

/**
 * Which audit rows to read: a realm, a time range {@code [from, to)} in epoch ms, optionally a user (id or username)
 * and an activity.
 */
public record AuditFilter(String realmId, long from, long to, String user, AuditActivity activity) {
}
