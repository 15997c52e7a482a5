package io.github.keycloaksspr.helpdesk;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** The help-desk agent behind a request, and the admin events that name them. */
record Agent(UserModel user, AdminAuth auth) {

    /** An admin event of this agent's action on {@code userId}: who, from where, on whom, what. */
    AdminEventBuilder event(KeycloakSession session, RealmModel realm, String userId, String action) {
        return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(OperationType.ACTION).resource(RESOURCE).resourcePath("users", userId)
                .detail("sspr_action", action);
    }

    /** The admin events' resource type of the help desk. */
    static final String RESOURCE = "SSPR_HELPDESK";
}
