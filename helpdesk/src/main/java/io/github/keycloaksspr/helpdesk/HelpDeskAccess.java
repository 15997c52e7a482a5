package io.github.keycloaksspr.helpdesk;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * The agent behind a request: a bearer token of this realm whose user may use the help desk, with the roles the
 * token's client may carry (as Keycloak's admin API checks them). No token or an invalid one is 401; a valid token of
 * anybody else, or of a service account, is 403.
 */
final class HelpDeskAccess {

    private HelpDeskAccess() {
    }

    static Agent requireAgent(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm)
                .authenticate();
        if (auth == null) {
            throw new NotAuthorizedException("Bearer realm=\"" + realm.getName() + "\"");
        }
        AdminAuth admin = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
        if (!HelpDeskRole.mayUse(realm, admin)) {
            throw new ForbiddenException("not a help-desk agent");
        }
        return new Agent(auth.user(), admin);
    }
}
