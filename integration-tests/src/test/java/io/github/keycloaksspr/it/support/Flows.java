package io.github.keycloaksspr.it.support;

import java.util.List;

import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;

/** Authentication flows as a realm import writes them, built the way an admin builds them in the console. */
public final class Flows {

    private Flows() {
    }

    public static AuthenticationFlowRepresentation flow(String alias, String providerId, boolean topLevel,
                                                         AuthenticationExecutionExportRepresentation... executions) {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(alias);
        flow.setProviderId(providerId);
        flow.setTopLevel(topLevel);
        flow.setBuiltIn(false);
        flow.setAuthenticationExecutions(List.of(executions));
        return flow;
    }

    public static AuthenticationExecutionExportRepresentation execution(String authenticator, String requirement,
                                                                         int priority) {
        AuthenticationExecutionExportRepresentation execution = new AuthenticationExecutionExportRepresentation();
        execution.setAuthenticator(authenticator);
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        execution.setUserSetupAllowed(false);
        execution.setAuthenticatorFlow(false);
        return execution;
    }

    public static AuthenticationExecutionExportRepresentation subflow(String alias, String requirement, int priority) {
        AuthenticationExecutionExportRepresentation execution = new AuthenticationExecutionExportRepresentation();
        execution.setFlowAlias(alias);
        execution.setRequirement(requirement);
        execution.setPriority(priority);
        execution.setUserSetupAllowed(false);
        execution.setAuthenticatorFlow(true);
        return execution;
    }
}
