package io.github.keycloaksspr.core.code;

import org.keycloak.sessions.AuthenticationSessionModel;

/** The three note operations {@link OneTimeCodes} needs from an authentication session. */
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
}
