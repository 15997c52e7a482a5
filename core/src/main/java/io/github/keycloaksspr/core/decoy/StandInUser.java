package io.github.keycloaksspr.core.decoy;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.storage.adapter.AbstractInMemoryUserAdapter;

/**
 * The account a name that cannot reset is shown as: it exists only in memory for one request, is never stored, has
 * no roles or groups, and holds the fabricated registrations its methods gave it. Every check of an answer against
 * it fails, and nothing is ever sent to its destinations.
 */
public final class StandInUser extends AbstractInMemoryUserAdapter {

    private final List<CredentialModel> credentials = new ArrayList<>();
    private final StandInCredentials credentialManager = new StandInCredentials(credentials);

    StandInUser(KeycloakSession session, RealmModel realm, String id, String typedName) {
        super(session, realm, id);
        setUsername(typedName);
        setEnabled(true);
    }

    /** Whether {@code user} is a stand-in: then no proof counts and no code leaves. */
    public static boolean isStandIn(UserModel user) {
        return user instanceof StandInUser;
    }

    void add(CredentialModel credential) {
        credentials.add(credential);
    }

    boolean has(String credentialType) {
        return credentials.stream().anyMatch(c -> credentialType.equals(c.getType()));
    }

    @Override
    public SubjectCredentialManager credentialManager() {
        return credentialManager;
    }
}
