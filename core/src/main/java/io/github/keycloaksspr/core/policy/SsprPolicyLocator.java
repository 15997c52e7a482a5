package io.github.keycloaksspr.core.policy;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Finds the reset policy's config: the config of the {@code sspr-verify-identity} execution in the same flow, or in the
 * realm's bound reset-credentials flow. The other steps and modules read it from there, so an admin configures the
 * policy in exactly one place. Callers go through {@link ResetPolicyResolver}.
 */
public final class SsprPolicyLocator {

    public static final String VERIFY_IDENTITY_PROVIDER_ID = "sspr-verify-identity";

    private SsprPolicyLocator() {
    }

    /** The config of the flow that contains {@code execution}; empty (defaults) when the verify step has none. */
    static Map<String, String> configOf(RealmModel realm, AuthenticationExecutionModel execution) {
        if (VERIFY_IDENTITY_PROVIDER_ID.equals(execution.getAuthenticator())) {
            return config(realm, execution);
        }
        return findVerifyExecution(realm, execution.getParentFlow()).map(verify -> config(realm, verify))
                .orElse(Map.of());
    }

    /**
     * The config of the realm's bound reset-credentials flow (used outside that flow, e.g. by security-info
     * registration); empty (defaults) when the realm has no flow with an {@code sspr-verify-identity} step.
     */
    static Map<String, String> configOfRealm(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getResetCredentialsFlow();
        if (flow == null) {
            return Map.of();
        }
        return findVerifyExecution(realm, flow.getId()).map(verify -> config(realm, verify)).orElse(Map.of());
    }

    private static Optional<AuthenticationExecutionModel> findVerifyExecution(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .flatMap(e -> e.isAuthenticatorFlow()
                        ? findVerifyExecution(realm, e.getFlowId()).stream()
                        : VERIFY_IDENTITY_PROVIDER_ID.equals(e.getAuthenticator()) ? Stream.of(e) : Stream.empty())
                .findFirst();
    }

    private static Map<String, String> config(RealmModel realm, AuthenticationExecutionModel execution) {
        String configId = execution.getAuthenticatorConfig();
        AuthenticatorConfigModel config = configId == null ? null : realm.getAuthenticatorConfigById(configId);
        return config == null || config.getConfig() == null ? Map.of() : config.getConfig();
    }
}
