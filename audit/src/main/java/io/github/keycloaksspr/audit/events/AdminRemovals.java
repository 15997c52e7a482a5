package io.github.keycloaksspr.audit.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A help-desk administrator removing one of a user's credentials in the admin console (Users → user → Credentials →
 * Delete): allowed without any proof, and therefore always in the audit trail, naming the administrator.
 */
final class AdminRemovals {

    /** The audit step of a removal by an administrator. */
    static final String REMOVED_BY_ADMIN = "removed_by_admin";
    private static final Pattern CREDENTIAL = Pattern.compile("^users/([^/]+)/credentials/([^/]+)$");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    private AdminRemovals() {
    }

    /** The removed credential's type, when Keycloak sent its representation along. */
    private static String credentialType(AdminEvent event) {
        Matcher type = TYPE.matcher(event.getRepresentation() == null ? "" : event.getRepresentation());
        return type.find() ? type.group(1) : null;
    }

    static Optional<AuditEntry> classify(KeycloakSession session, AdminEvent event) {
        // Keycloak reports the console's credential deletion as an ACTION on the credential's path.
        if (event.getOperationType() != OperationType.DELETE && event.getOperationType() != OperationType.ACTION
                || event.getResourcePath() == null || event.getRealmId() == null) {
            return Optional.empty();
        }
        Matcher credential = CREDENTIAL.matcher(event.getResourcePath());
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!credential.matches() || realm == null) {
            return Optional.empty();
        }
        UserModel user = session.users().getUserById(realm, credential.group(1));
        String adminName = PolicyChanges.adminName(session, event,
                event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId());
        return Optional.of(new AuditEntry(event.getRealmId(), event.getTime(), credential.group(1),
                user == null ? null : user.getUsername(), AuditActivity.SECURITY_INFO_CHANGED, REMOVED_BY_ADMIN,
                credentialType(event),
                event.getError() == null ? AuditEntry.SUCCESS : AuditEntry.FAILURE,
                adminName == null ? "by_admin" : "by_admin " + adminName,
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress()));
    }
}
