package io.github.keycloaksspr.core.code;

import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The three note operations {@link OneTimeCodes} and a proof need: from an authentication session (a browser tab's
 * flow) or, where there is none (the help desk's API), from Keycloak's cluster-wide single-use store.
 */
public interface NoteStore {

    String get(String name);

    void put(String name, String value);

    void remove(String name);

    /**
     * The session's auth notes: shared by all cluster nodes, private to one browser tab, and cleared
     * when the flow restarts.
     */
    static NoteStore authNotesOf(AuthenticationSessionModel authSession) {
        return new NoteStore() {
            @Override
            public String get(String name) {
                return authSession.getAuthNote(name);
            }

            @Override
            public void put(String name, String value) {
                authSession.setAuthNote(name, value);
            }

            @Override
            public void remove(String name) {
                authSession.removeAuthNote(name);
            }
        };
    }

    /**
     * Notes under {@code prefix} in Keycloak's single-use object store: shared by all cluster nodes, each living
     * {@code lifespanSeconds} from its last write.
     */
    static NoteStore clusterNotes(KeycloakSession session, String prefix, long lifespanSeconds) {
        SingleUseObjectProvider store = session.singleUseObjects();
        return new NoteStore() {
            @Override
            public String get(String name) {
                Map<String, String> entry = store.get(prefix + name);
                return entry == null ? null : entry.get("v");
            }

            @Override
            public void put(String name, String value) {
                store.remove(prefix + name);
                store.put(prefix + name, lifespanSeconds, Map.of("v", value));
            }

            @Override
            public void remove(String name) {
                store.remove(prefix + name);
            }
        };
    }
}
