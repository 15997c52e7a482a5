package io.github.keycloaksspr.authenticators.newpassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalUserConfiguredAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether a reset may end signed in: only when the browser flow would ask this user for nothing but the password.
 * Flows are built as the admin console builds them; the second factor is a step the user has or has not set up.
 */
class BrowserFlowDemandTest {

    private final Map<String, List<AuthenticationExecutionModel>> flows = new HashMap<>();
    private boolean userHasSecondFactor;

    @Test
    void aPasswordOnlyFlowAsksNothingMore() {
        flow("browser", step("auth-cookie", Requirement.ALTERNATIVE),
                step("auth-username-password-form", Requirement.REQUIRED));

        assertThat(asksMore()).isFalse();
    }

    @Test
    void aRequiredSecondFactorAsksMoreWhetherOrNotTheUserHasIt() {
        flow("browser", step("auth-username-password-form", Requirement.REQUIRED),
                step("second-factor", Requirement.REQUIRED));

        assertThat(asksMore()).isTrue();
    }

    @Test
    void keycloaksConditional2faAsksMoreOnlyOfUsersWhoSetItUp() {
        flow("browser", step("auth-username-password-form", Requirement.REQUIRED),
                subFlow("conditional-2fa", Requirement.CONDITIONAL));
        flow("conditional-2fa", step("conditional-user-configured", Requirement.REQUIRED),
                step("second-factor", Requirement.REQUIRED));

        assertThat(asksMore()).as("nothing set up").isFalse();
        userHasSecondFactor = true;
        assertThat(asksMore()).as("an authenticator app set up").isTrue();
    }

    @Test
    void aStepItDoesNotKnowCountsAsMore() {
        flow("browser", step("auth-username-password-form", Requirement.REQUIRED),
                step("some-vendor-step", Requirement.REQUIRED));

        assertThat(asksMore()).isTrue();
    }

    @Test
    void disabledStepsAskNothing() {
        flow("browser", step("auth-username-password-form", Requirement.REQUIRED),
                step("second-factor", Requirement.DISABLED));

        assertThat(asksMore()).isFalse();
    }

    private boolean asksMore() {
        RealmModel realm = Proxies.of(RealmModel.class, Map.of("getAuthenticationExecutionsStream",
                a -> flows.getOrDefault((String) a[0], List.of()).stream()));
        KeycloakSessionFactory factories = Proxies.of(KeycloakSessionFactory.class, Map.of("getProviderFactory",
                a -> factory((String) a[1])));
        KeycloakSession session = Proxies.of(KeycloakSession.class, Map.of("getKeycloakSessionFactory",
                a -> factories));
        return BrowserFlowDemand.asksMoreThanPassword(session, realm, Proxies.of(UserModel.class, Map.of()),
                "browser");
    }

    private Object factory(String providerId) {
        return switch (providerId) {
            case "conditional-user-configured" -> new ConditionalUserConfiguredAuthenticatorFactory();
            case "second-factor" -> Proxies.of(AuthenticatorFactory.class, Map.of("create",
                    a -> Proxies.of(Authenticator.class, Map.of(
                            "requiresUser", b -> true,
                            "configuredFor", b -> userHasSecondFactor,
                            "close", b -> null))));
            default -> null;
        };
    }

    private void flow(String id, AuthenticationExecutionModel... executions) {
        flows.put(id, new ArrayList<>(List.of(executions)));
    }

    private static AuthenticationExecutionModel step(String authenticator, Requirement requirement) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticator(authenticator);
        execution.setRequirement(requirement);
        return execution;
    }

    private static AuthenticationExecutionModel subFlow(String flowId, Requirement requirement) {
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setAuthenticatorFlow(true);
        execution.setFlowId(flowId);
        execution.setRequirement(requirement);
        return execution;
    }
}
