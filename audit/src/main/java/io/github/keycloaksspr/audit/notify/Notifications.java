package io.github.keycloaksspr.audit.notify;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.notice.Notice;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.policy.NotificationSettings;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Decides who is told about an audited activity and queues the mails: the user on every self-service reset and
 * unlock (account and alternate addresses), every administrator when an administrator resets, and the user at old
 * and new contacts when security info changes.
 */
public final class Notifications {

    /** A realm with more administrators than this has a bigger problem than a missed notice. */
    static final int MAX_ADMIN_RECIPIENTS = 500;
    private static final String NO_NOTICE = "no notification is sent";

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
            return;
        }
        if (activity != AuditActivity.RESET && activity != AuditActivity.UNLOCK) {
            return;
        }
        Optional<NotificationSettings> maybeSettings = ResetPolicyResolver.notificationsOf(realm, NO_NOTICE);
        Optional<SsprPolicy> maybePolicy = ResetPolicyResolver.forRealm(realm, NO_NOTICE);
        if (maybeSettings.isEmpty() || maybePolicy.isEmpty()) {
            return;
        }
        NotificationSettings settings = maybeSettings.get();
        SsprPolicy policy = maybePolicy.get();
        String kind = activity == AuditActivity.UNLOCK ? "unlock" : "reset";
        if (settings.notifyUser()) {
            Set<String> addresses = new LinkedHashSet<>();
            addPrimary(addresses, user);
            SsprCredentials.alternateEmails(user).forEach(e -> addresses.add(e.email()));
            Map<String, Object> attributes = baseAttributes(user, entry);
            attributes.put("ssprKind", kind);
            String subject = "unlock".equals(kind) ? "ssprNoticeUnlockSubject" : "ssprNoticeResetSubject";
            addresses.forEach(address -> queue(realm, user, user, address, subject, "sspr-reset-notice.ftl",
                    attributes, entry));
        }
        ResetAudience audience = new ResetAudience(session, realm, policy);
        if (settings.notifyAdmins() && activity == AuditActivity.RESET && audience.isAdministrator(user)) {
            Map<String, Object> attributes = baseAttributes(user, entry);
            audience.administrators().filter(admin -> !admin.getId().equals(user.getId()))
                    .filter(admin -> admin.getEmail() != null && !admin.getEmail().isBlank())
                    .limit(MAX_ADMIN_RECIPIENTS)
                    .forEach(admin -> queue(realm, user, admin, admin.getEmail(), "ssprNoticeAdminResetSubject",
                            "sspr-admin-reset-notice.ftl", attributes, entry));
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

    private void queue(RealmModel realm, UserModel subject, UserModel recipient, String address, String subjectKey,
                       String template, Map<String, Object> attributes, AuditEntry entry) {
        String subjectArg = "ssprNoticeAdminResetSubject".equals(subjectKey) ? subject.getUsername()
                : realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName()
                : realm.getName();
        outbox.add(new Notice(realm.getId(), subject.getId(), subject.getUsername(), recipient.getId(), address, subjectKey,
                List.of(subjectArg), template, attributes, entry.time()));
    }

    private Map<String, Object> baseAttributes(UserModel user, AuditEntry entry) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ssprUsername", user.getUsername());
        attributes.put("ssprIp", entry.clientIp() == null ? "-" : entry.clientIp());
        attributes.put("ssprBrowser", SecurityInfoNotices.browser(session));
        return attributes;
    }

    private static void addPrimary(Set<String> addresses, UserModel user) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
    }
}
