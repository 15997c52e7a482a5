package io.github.keycloaksspr.core.notice;

import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.ThemeMessages;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells the owner that self-service reset of their account was blocked after repeated wrong answers: anyone can cause
 * the block by typing the name, so the owner learns of it from the pack, at every registered contact (the account
 * address, each alternate address, each mobile number), and learns that nothing changed.
 */
public final class ResetBlockedNotices {

    private ResetBlockedNotices() {
    }

    /** Queues the notices of one block, sent after the request's transaction. */
    public static void queue(KeycloakSession session, RealmModel realm, UserModel user, String clientIp, long time,
                             SsprPolicy policy) {
        NoticeOutbox outbox = NoticeOutbox.inBackgroundAfterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY);
        Map<String, Object> attributes = Map.of(
                "ssprUsername", user.getUsername(),
                "ssprIp", clientIp == null ? "-" : clientIp);
        List<Object> subject = List.of(ThemeMessages.realmName(realm));
        NoticeAddresses.of(user).forEach(address -> outbox.add(new Notice(realm.getId(), user.getId(), user.getUsername(),
                user.getId(), address, "ssprNoticeBlockedSubject", subject, "sspr-reset-blocked-notice.ftl",
                attributes, time)));
        SsprCredentials.mobilePhones(user).map(MobilePhoneCredentialModel::number)
                .filter(number -> SecurityInfoNotices.mayText(session, realm, user, number, clientIp, policy))
                .forEach(number -> outbox.add(new TextNotice(realm.getId(), user.getId(), number,
                        "ssprNoticeBlockedText", List.of(ThemeMessages.realmName(realm), user.getUsername()))));
    }
}
