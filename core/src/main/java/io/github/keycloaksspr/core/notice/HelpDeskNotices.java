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
 * Tells a user that the help desk verified them, or issued them a Temporary Access Pass, at every registered contact
 * (the account address, each alternate address, each mobile number): a caller who pretended to be them is then found
 * out by the real owner.
 */
public final class HelpDeskNotices {

    private HelpDeskNotices() {
    }

    /** Queues the notices of one verification, sent after the request's transaction. */
    public static void queueVerified(KeycloakSession session, RealmModel realm, UserModel user, String agentAddress,
                                     long time, SsprPolicy policy) {
        queue(session, realm, user, agentAddress, time, policy, "ssprNoticeHelpDesk", "sspr-helpdesk-verified-notice.ftl");
    }

    /** Queues the notices of a Temporary Access Pass issued to the user: whoever got it can sign in as them. */
    public static void queuePassIssued(KeycloakSession session, RealmModel realm, UserModel user, String agentAddress,
                                       long time, SsprPolicy policy) {
        queue(session, realm, user, agentAddress, time, policy, "ssprNoticePass", "sspr-helpdesk-pass-notice.ftl");
    }

    /** One notice at every contact: {@code <keys>Subject} and a template by mail, {@code <keys>Text} by text. */
    private static void queue(KeycloakSession session, RealmModel realm, UserModel user, String agentAddress, long time,
                              SsprPolicy policy, String keys, String template) {
        NoticeOutbox outbox = NoticeOutbox.inBackgroundAfterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY);
        Map<String, Object> attributes = Map.of("ssprUsername", user.getUsername());
        List<Object> subject = List.of(ThemeMessages.realmName(realm));
        NoticeAddresses.of(user).forEach(address -> outbox.add(new Notice(realm.getId(), user.getId(),
                user.getUsername(), user.getId(), address, keys + "Subject", subject, template, attributes, time)));
        SsprCredentials.mobilePhones(user).map(MobilePhoneCredentialModel::number)
                .filter(number -> SecurityInfoNotices.mayText(session, realm, user, number, agentAddress, policy))
                .forEach(number -> outbox.add(new TextNotice(realm.getId(), user.getId(), number,
                        keys + "Text", List.of(ThemeMessages.realmName(realm), user.getUsername()))));
    }
}
