package io.github.keycloaksspr.core.credential;

import java.util.LinkedHashSet;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A user's alternate email addresses and mobile numbers as they were before a change in this request, so that the
 * security-info notice reaches every contact registered before it, the removed one included (a hijacker replacing the
 * owner's recovery address or phone must not go unseen). Kept as a request-scoped session attribute: nothing outlives
 * the request.
 */
public final class ContactSnapshot {

    private static final String ATTRIBUTE_PREFIX = "sspr.contacts.before.";
    private static final String PHONES_PREFIX = "sspr.phones.before.";

    private ContactSnapshot() {
    }

    /** Remembers the current addresses once per request; later calls in the same request keep the first picture. */
    public static void remember(KeycloakSession session, UserModel user) {
        String key = ATTRIBUTE_PREFIX + user.getId();
        if (session.getAttribute(key) == null) {
            Set<String> addresses = new LinkedHashSet<>();
            SsprCredentials.alternateEmails(user).forEach(e -> addresses.add(e.email()));
            session.setAttribute(key, Set.copyOf(addresses));
            Set<String> phones = new LinkedHashSet<>();
            SsprCredentials.mobilePhones(user).forEach(p -> phones.add(p.number()));
            session.setAttribute(PHONES_PREFIX + user.getId(), Set.copyOf(phones));
        }
    }

    /** The mobile numbers remembered in this request for the user, or none. */
    @SuppressWarnings("unchecked")
    public static Set<String> phonesBefore(KeycloakSession session, String userId) {
        Object value = session.getAttribute(PHONES_PREFIX + userId);
        return value instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /** The addresses remembered in this request for the user, or none. */
    @SuppressWarnings("unchecked")
    public static Set<String> before(KeycloakSession session, String userId) {
        Object value = session.getAttribute(ATTRIBUTE_PREFIX + userId);
        return value instanceof Set<?> set ? (Set<String>) set : Set.of();
    }
}
