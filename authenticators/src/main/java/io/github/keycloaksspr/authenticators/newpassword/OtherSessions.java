package io.github.keycloaksspr.authenticators.newpassword;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.events.SsprEvents;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.Profile;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * "Sign out from other devices" after a reset, as Keycloak's own password update does it (its helper takes only a
 * required-action context): whoever knew the old password loses the sessions it opened.
 */
final class OtherSessions {

    private OtherSessions() {
    }

    static void logOut(AuthenticationFlowContext context) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        String current = context.getAuthenticationSession().getParentSession().getId();
        List<UserSessionModel> others = session.sessions().getUserSessionsStream(realm, user)
                .filter(s -> !Objects.equals(s.getId(), current)).toList();
        if (!Profile.isFeatureEnabled(Profile.Feature.LOGOUT_ALL_SESSIONS_V1)) {
            others = Stream.concat(others.stream(),
                    session.sessions().getOfflineUserSessionsStream(realm, user)
                            .filter(s -> !Objects.equals(s.getId(), current))).toList();
        }
        for (UserSessionModel other : others) {
            AuthenticationManager.backchannelLogout(session, realm, other, session.getContext().getUri(),
                    context.getConnection(), context.getHttpRequest().getHttpHeaders(), true);
            context.getEvent().clone().event(EventType.LOGOUT).session(other).user(user)
                    .detail(SsprEvents.STEP, SsprNewPasswordAuthenticator.STEP.id()).success();
        }
    }
}
