package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.authentication.RequiredActionContext;
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

    /** An event of this action; the caller adds details and ends it with success or error. */
    EventBuilder event(EventType type) {
        return context.getEvent().clone().event(type)
                .detail(Details.CUSTOM_REQUIRED_ACTION, RegisterSecurityInfoAction.PROVIDER_ID);
    }
}
