package io.github.keycloaksspr.core.notice;

import java.util.List;

/**
 * One text message, captured when the change happened and sent after the request's transaction committed, in the
 * language of the user it is about.
 *
 * @param messageKey the login theme's message the text is worded by (admins override it there)
 */
public record TextNotice(String realmId, String userId, String number, String messageKey, List<Object> args) {

    public TextNotice {
        args = List.copyOf(args);
    }

    // The number is personal data.
    @Override
    public String toString() {
        return "TextNotice[realm=" + realmId + ", user=" + userId + ", key=" + messageKey + "]";
    }
}
