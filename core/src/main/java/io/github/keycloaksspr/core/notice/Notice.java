package io.github.keycloaksspr.core.notice;

import java.util.List;
import java.util.Map;

/**
 * One mail, captured when the event happened and sent after the request's transaction committed.
 *
 * @param subjectUserId the user the mail is about (for the audit row when it cannot be sent)
 * @param subjectName   that user's username
 * @param recipientId   the user whose language the mail is written in
 * @param address       where it goes (the account address, an alternate address, an administrator's address)
 * @param time          epoch ms of the event, formatted in the recipient's language
 */
public record Notice(String realmId, String subjectUserId, String subjectName, String recipientId, String address, String subjectKey,
              List<Object> subjectArgs, String template, Map<String, Object> attributes, long time) {

    public Notice {
        subjectArgs = List.copyOf(subjectArgs);
        attributes = Map.copyOf(attributes);
    }
}
