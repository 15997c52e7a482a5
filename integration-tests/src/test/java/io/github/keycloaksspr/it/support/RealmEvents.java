package io.github.keycloaksspr.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The realm's user events as an administrator reads them (Realm settings → Events, the admin API's
 * {@code GET /admin/realms/{realm}/events}), oldest first, every page of them: the API answers 100 events unless
 * asked for more, and a busy test realm has more (a count over a cut-off list once missed the newest events).
 */
public final class RealmEvents {

    private static final String SSPR_DETAIL = "sspr_";
    private static final int PAGE = 500;

    private RealmEvents() {
    }

    /** Every stored event of the realm, oldest first. */
    public static List<EventRepresentation> all(ManagedRealm realm) {
        return pages(realm, null);
    }

    /** The realm's stored events of these types ({@code "LOGIN"}, {@code "LOGIN_ERROR"}, ...), oldest first. */
    public static List<EventRepresentation> ofTypes(ManagedRealm realm, String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("name at least one event type; all(realm) reads every event");
        }
        return pages(realm, List.of(types));
    }

    private static List<EventRepresentation> pages(ManagedRealm realm, List<String> types) {
        List<EventRepresentation> events = new ArrayList<>();
        List<EventRepresentation> page;
        do {
            page = realm.admin().getEvents(types, null, null, null, null, null, events.size(), PAGE, "asc");
            events.addAll(page);
        } while (page.size() == PAGE);
        return events;
    }

    /** The pack's details ({@code sspr_*}) of the realm's stored events, oldest first: {@link #ssprDetails(List)}. */
    public static List<Map<String, String>> ssprDetails(ManagedRealm realm) {
        return ssprDetails(all(realm));
    }

    /**
     * The pack's details ({@code sspr_*}) of each event, in the events' order: one map per event, empty for an event
     * without such details. Failure messages then print the details instead of the events' object ids.
     */
    public static List<Map<String, String>> ssprDetails(List<EventRepresentation> events) {
        return events.stream().map(RealmEvents::ssprDetailsOf).toList();
    }

    private static Map<String, String> ssprDetailsOf(EventRepresentation event) {
        Map<String, String> details = new TreeMap<>();
        if (event.getDetails() != null) {
            event.getDetails().forEach((key, value) -> {
                if (key.startsWith(SSPR_DETAIL)) {
                    details.put(key, value);
                }
            });
        }
        return details;
    }
}
