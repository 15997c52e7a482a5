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
 * Tells a user that the help desk verified them, at every registered contact (the account address, each alternate
 * address, each mobile number): a caller who pretended to be them is then found out by the real owner.
 */
public final class HelpDeskNotices {

    private HelpDeskNotices() {
    }

    /** Queues the notices of one verification, sent after the request's transaction. */
    public static void queueVerified(KeycloakSession session, RealmModel realm, UserModel user, String agentAddress,
                                     long time, SsprPolicy policy) {
        NoticeOutbox outbox = NoticeOutbox.inBackgroundAfterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY);
        Map<String, Object> attributes = Map.of("ssprUsername", user.getUsername());
        List<Object> subject = List.of(ThemeMessages.realmName(realm));
        NoticeAddresses.of(user).forEach(address -> outbox.add(new Notice(realm.getId(), user.getId(),
                user.getUsername(), user.getId(), address, "ssprNoticeHelpDeskSubject", subject,
                "sspr-helpdesk-verified-notice.ftl", attributes, time)));
        SsprCredentials.mobilePhones(user).map(MobilePhoneCredentialModel::number)
                .filter(number -> SecurityInfoNotices.mayText(session, realm, user, number, agentAddress, policy))
                .forEach(number -> outbox.add(new TextNotice(realm.getId(), user.getId(), number,
                        "ssprNoticeHelpDeskText", List.of(ThemeMessages.realmName(realm), user.getUsername()))));
    }
}
