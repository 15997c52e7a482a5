package io.github.keycloaksspr.authenticators.flow;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What the reset-flow steps share: they run before a user is known (a null user means a decoy run), apply to every
 * user, set up nothing and hold no state.
 */
public abstract class SsprFlowStep implements Authenticator {

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
