package io.github.keycloaksspr.authenticators.flow;

import java.util.Optional;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Finds the reset policy: the config of the {@code sspr-verify-identity} execution in the same flow. The other steps
 * (choose account, unlock) read it from there, so an admin configures the policy in exactly one place.
 */
public final class SsprPolicyLocator {

    public static final String VERIFY_IDENTITY_PROVIDER_ID = "sspr-verify-identity";

    private SsprPolicyLocator() {
    }

    /** The policy of the flow that contains {@code execution}; defaults when the verify step has no config. */
    public static SsprPolicy policyOf(RealmModel realm, AuthenticationExecutionModel execution) {
        if (VERIFY_IDENTITY_PROVIDER_ID.equals(execution.getAuthenticator())) {
            return fromConfig(realm, execution.getAuthenticatorConfig());
        }
        return findVerifyExecution(realm, execution.getParentFlow())
                .map(verify -> fromConfig(realm, verify.getAuthenticatorConfig()))
                .orElse(SsprPolicy.DEFAULTS);
    }

    /**
     * The policy of the realm's bound reset-credentials flow (used outside that flow, e.g. by security-info
     * registration); defaults when the realm has no flow with an {@code sspr-verify-identity} step.
     */
    public static SsprPolicy policyOfRealm(RealmModel realm) {
        org.keycloak.models.AuthenticationFlowModel flow = realm.getResetCredentialsFlow();
        if (flow == null) {
            return SsprPolicy.DEFAULTS;
        }
        return findVerifyExecution(realm, flow.getId())
                .map(verify -> fromConfig(realm, verify.getAuthenticatorConfig()))
                .orElse(SsprPolicy.DEFAULTS);
    }

    /** The raw config of the realm's reset policy (for settings kept beside the policy, e.g. notifications). */
    public static java.util.Map<String, String> configOfRealm(RealmModel realm) {
        org.keycloak.models.AuthenticationFlowModel flow = realm.getResetCredentialsFlow();
        if (flow == null) {
            return java.util.Map.of();
        }
        return findVerifyExecution(realm, flow.getId())
                .map(AuthenticationExecutionModel::getAuthenticatorConfig)
                .map(realm::getAuthenticatorConfigById)
                .map(AuthenticatorConfigModel::getConfig)
                .orElse(java.util.Map.of());
    }

    private static Optional<AuthenticationExecutionModel> findVerifyExecution(RealmModel realm, String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .flatMap(e -> e.isAuthenticatorFlow()
                        ? findVerifyExecution(realm, e.getFlowId()).stream()
                        : VERIFY_IDENTITY_PROVIDER_ID.equals(e.getAuthenticator()) ? java.util.stream.Stream.of(e)
                        : java.util.stream.Stream.empty())
                .findFirst();
    }

    private static SsprPolicy fromConfig(RealmModel realm, String configId) {
        if (configId == null) {
            return SsprPolicy.DEFAULTS;
        }
        AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(configId);
        return SsprPolicy.from(config == null ? null : config.getConfig());
    }
}
