package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.core.registration.RegistrationSettings;
import io.github.keycloaksspr.core.credential.ContactSnapshot;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** One request to the security-info page: what every part of the registration needs. */
record RegistrationStep(RequiredActionContext context, MethodContext methods, RegistrationSettings settings) {

    UserModel user() {
        return context.getUser();
    }

    AuthenticationSessionModel authSession() {
        return context.getAuthenticationSession();
    }

    SecurityInfo securityInfo() {
        return SecurityInfo.of(methods, context.getUser());
    }

    SecurityInfoPage page() {
        return new SecurityInfoPage(this);
    }

    /** Notes the user's contacts before a change: the notice of the change reaches every one of them. */
    void rememberContacts() {
        ContactSnapshot.remember(context.getSession(), user());
    }

    /**
     * Tells the user of a change at every contact registered before it (by mail and text, after commit), whether or
     * not the realm runs the pack's event listener.
     */
    void announce(String change, String credentialType) {
        SecurityInfoNotices.queue(context.getSession(), context.getRealm(), user(), change, credentialType,
                methods.clientIp(), Time.currentTimeMillis(), methods.policy(),
                NoticeOutbox.afterCommitOf(context.getSession(), NoticeOutbox.Failures.LOG_ONLY));
        if (SecurityInfoNotices.ADDED.equals(change)) {
            RegistrationHistory.record(context.getSession(), context.getRealm(), user(), securityInfo());
        }
    }

    /** An event of this action; the caller adds details and ends it with success or error. */
    EventBuilder event(EventType type) {
        return context.getEvent().clone().event(type)
                .detail(Details.CUSTOM_REQUIRED_ACTION, RegisterSecurityInfoAction.PROVIDER_ID);
    }
}
