package io.github.keycloaksspr.audit.notify;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.credential.ContactSnapshot;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.policy.NotificationSettings;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
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

    private static final Map<String, String> METHOD_KEYS = Map.of(
            "sspr-mobile-phone", "ssprRegisterFactorPhone",
            "sspr-alternate-email", "ssprRegisterFactorEmail",
            "sspr-security-questions", "ssprRegisterFactorQuestions",
            "otp", "ssprRegisterFactorAuthenticatorApp",
            "webauthn", "ssprRegisterFactorPasskey",
            "webauthn-passwordless", "ssprRegisterFactorPasskey");

    private final KeycloakSession session;
    private final NoticeOutbox outbox;

    public Notifications(KeycloakSession session) {
        this.session = session;
        this.outbox = new NoticeOutbox(session.getKeycloakSessionFactory());
        session.getTransactionManager().enlistAfterCompletion(outbox);
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
        Set<String> addresses = new LinkedHashSet<>();
        addPrimary(addresses, user);
        SsprCredentials.alternateEmails(user).forEach(e -> addresses.add(e.email()));
        addresses.addAll(ContactSnapshot.before(session, user.getId()));
        Map<String, Object> attributes = baseAttributes(user, entry);
        attributes.put("ssprChange", entry.step());
        attributes.put("ssprMethodKey", METHOD_KEYS.getOrDefault(entry.method(), "ssprRegisterFactorPhone"));
        addresses.forEach(address -> queue(realm, user, user, address, "ssprNoticeInfoSubject",
                "sspr-security-info-notice.ftl", attributes, entry));
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
        attributes.put("ssprBrowser", browser());
        return attributes;
    }

    private String browser() {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        String agent = headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return "-";
        }
        // A header is attacker-controlled text: keep it short and on one line.
        String oneLine = agent.replaceAll("\\p{Cntrl}", " ").strip();
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }

    private static void addPrimary(Set<String> addresses, UserModel user) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
            addresses.add(user.getEmail());
        }
    }
}
