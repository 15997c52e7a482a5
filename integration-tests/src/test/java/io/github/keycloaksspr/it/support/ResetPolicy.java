package io.github.keycloaksspr.it.support;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Changes the reset policy as an admin does (the sspr-verify-identity execution's config); undone after the test.
 * Call it once per test: each call restores what it found.
 */
public final class ResetPolicy {

    private ResetPolicy() {
    }

    public static void set(ManagedRealm realm, Map<String, String> changes) {
        AuthenticationManagementResource flows = realm.admin().flows();
        String configId = flows.getExecutions(SsprResetRealm.FLOW_ALIAS).stream()
                .filter(e -> "sspr-verify-identity".equals(e.getProviderId()))
                .map(AuthenticationExecutionInfoRepresentation::getAuthenticationConfig)
                .findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = flows.getAuthenticatorConfig(configId);
        Map<String, String> original = new HashMap<>(config.getConfig());
        Map<String, String> updated = new HashMap<>(original);
        updated.putAll(changes);
        config.setConfig(updated);
        flows.updateAuthenticatorConfig(configId, config);
        realm.cleanup().add(r -> {
            AuthenticatorConfigRepresentation restore = r.flows().getAuthenticatorConfig(configId);
            restore.setConfig(original);
            r.flows().updateAuthenticatorConfig(configId, restore);
        });
    }
}
