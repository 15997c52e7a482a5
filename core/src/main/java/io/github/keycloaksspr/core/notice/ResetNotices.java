package io.github.keycloaksspr.core.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.policy.NotificationSettings;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who is told of a self-service reset or unlock, and the mails: the user at the account address and every alternate
 * address, and every administrator when an administrator reset. The reset flow queues them itself; where the realm
 * runs the pack's event listener, the listener does instead (it also records an audit row for a mail that could not
 * be sent), so that each is sent once either way.
 */
public final class ResetNotices {

    public static final String RESET = "reset";
    public static final String UNLOCK = "unlock";
    /** A realm with more administrators than this has a bigger problem than a missed notice. */
    static final int MAX_ADMIN_RECIPIENTS = 500;
    private static final String NO_NOTICE = "no notification is sent";

    private ResetNotices() {
    }

    /** From the reset flow: the notices of a reset or unlock, unless the pack's event listener sends them. */
    public static void fromTheFlow(KeycloakSession session, RealmModel realm, UserModel user, String kind,
                                   String clientIp, long time) {
        if (realm.getEventsListenersStream().anyMatch(SsprEvents.LISTENER_ID::equals)) {
            return;
        }
        queue(session, realm, user, kind, clientIp, time,
                NoticeOutbox.afterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY));
    }

    /**
     * Queues the notices of one reset ({@link #RESET}) or unlock ({@link #UNLOCK}) as the realm's notification
     * settings ask.
     */
    public static void queue(KeycloakSession session, RealmModel realm, UserModel user, String kind, String clientIp,
                             long time, NoticeOutbox outbox) {
        Optional<NotificationSettings> maybeSettings = ResetPolicyResolver.notificationsOf(realm, NO_NOTICE);
        Optional<SsprPolicy> maybePolicy = ResetPolicyResolver.forRealm(realm, NO_NOTICE);
        if (maybeSettings.isEmpty() || maybePolicy.isEmpty()) {
            return;
        }
        NotificationSettings settings = maybeSettings.get();
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("ssprUsername", user.getUsername());
        attributes.put("ssprIp", clientIp == null ? "-" : clientIp);
        attributes.put("ssprBrowser", SecurityInfoNotices.browser(session));
        if (settings.notifyUser()) {
            Map<String, Object> toUser = new HashMap<>(attributes);
            toUser.put("ssprKind", kind);
            String subject = UNLOCK.equals(kind) ? "ssprNoticeUnlockSubject" : "ssprNoticeResetSubject";
            List<Object> realmName = List.of(ThemeMessages.realmName(realm));
            NoticeAddresses.of(user).forEach(address -> outbox.add(new Notice(realm.getId(), user.getId(), user.getUsername(),
                    user.getId(), address, subject, realmName, "sspr-reset-notice.ftl", toUser, time)));
        }
        ResetAudience audience = new ResetAudience(session, realm, maybePolicy.get());
        if (settings.notifyAdmins() && RESET.equals(kind) && audience.isAdministrator(user)) {
            audience.administrators().filter(admin -> !admin.getId().equals(user.getId()))
                    .filter(admin -> admin.getEmail() != null && !admin.getEmail().isBlank())
                    .limit(MAX_ADMIN_RECIPIENTS)
                    .forEach(admin -> outbox.add(new Notice(realm.getId(), user.getId(), user.getUsername(),
                            admin.getId(), admin.getEmail(), "ssprNoticeAdminResetSubject",
                            List.of(user.getUsername()), "sspr-admin-reset-notice.ftl", attributes, time)));
        }
    }
}
