package io.github.keycloaksspr.helpdesk;

import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
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
                .operation(OperationType.ACTION).resource(HelpDeskEvents.RESOURCE).resourcePath("users", userId)
                .detail(SsprEvents.ACTION, action);
    }

    /** An action done: its admin event and its count. */
    void did(KeycloakSession session, RealmModel realm, String userId, String action) {
        event(session, realm, userId, action).success();
        SsprMetrics.helpDesk(realm.getName(), action, "success");
    }

    /** A lookup that found no account: on record without the name typed, which may be someone's address. */
    void missed(KeycloakSession session, RealmModel realm) {
        AdminEventBuilder event = new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(OperationType.ACTION).resource(HelpDeskEvents.RESOURCE).resourcePath("users")
                .detail(SsprEvents.ACTION, HelpDeskEvents.LOOKUP);
        event.getEvent().setError("sspr_user_not_found");
        event.success();
        SsprMetrics.helpDesk(realm.getName(), HelpDeskEvents.LOOKUP, "failure");
    }

    /** An action a ceiling stopped: an admin event with the ceiling as its error, and a count of refusals. */
    void stopped(KeycloakSession session, RealmModel realm, String userId, String action,
                 HelpDeskEvents.Ceiling ceiling) {
        AdminEventBuilder event = event(session, realm, userId, action).detail(HelpDeskEvents.CEILING, ceiling.id());
        event.getEvent().setError(ceiling.error());
        event.success();
        SsprMetrics.helpDesk(realm.getName(), action, "refused");
    }
}
