package io.github.keycloaksspr.audit.notify;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.ResetNotices;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Queues the mails of an audited activity where the realm runs the pack's event listener: a reset's or unlock's
 * ({@link ResetNotices}; the flow leaves them to the listener then) and a change of security info; a mail that could
 * not be sent becomes an audit row.
 */
public final class Notifications {

    private final KeycloakSession session;
    private final NoticeOutbox outbox;

    public Notifications(KeycloakSession session) {
        this.session = session;
        this.outbox = NoticeOutbox.afterCommitOf(session, Notifications::recordFailure);
    }

    public void onActivity(RealmModel realm, UserModel user, AuditEntry entry) {
        if (user == null || !entry.succeeded()) {
            return;
        }
        AuditActivity activity = entry.activity();
        if (activity == AuditActivity.SECURITY_INFO_CHANGED) {
            securityInfoChanged(realm, user, entry);
        } else if (activity == AuditActivity.RESET || activity == AuditActivity.UNLOCK) {
            ResetNotices.queue(session, realm, user,
                    activity == AuditActivity.UNLOCK ? ResetNotices.UNLOCK : ResetNotices.RESET, entry.clientIp(),
                    entry.time(), outbox);
        }
    }

    private void securityInfoChanged(RealmModel realm, UserModel user, AuditEntry entry) {
        SecurityInfoNotices.queue(session, realm, user,
                SecurityInfoNotices.REMOVED.equals(entry.step()) ? SecurityInfoNotices.REMOVED : SecurityInfoNotices.ADDED,
                entry.method(), entry.clientIp(), entry.time(),
                ResetPolicyResolver.forRealm(realm, "notice texts use the defaults").orElse(SsprPolicy.DEFAULTS), outbox);
    }

    /** A notice that could not be sent is an audit row, so that admins see who was not told. */
    private static void recordFailure(KeycloakSession session, String realmId, String userId, String username) {
        new AuditTrail(session).record(new AuditEntry(realmId, Time.currentTimeMillis(), userId, username,
                AuditActivity.FLOW_PROGRESS, "notification", null, AuditEntry.FAILURE, "mail_failed", null));
    }
}
