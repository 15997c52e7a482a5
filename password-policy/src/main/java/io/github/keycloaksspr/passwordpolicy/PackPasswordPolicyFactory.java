package io.github.keycloaksspr.passwordpolicy;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * What the pack's password-policy factories have in common: an id, the name the admin console lists, the type and
 * default of the policy's value, one instance per realm policy, and nothing to set up or tear down unless a factory
 * says otherwise.
 */
abstract class PackPasswordPolicyFactory implements PasswordPolicyProviderFactory {

    private final String id;
    private final String displayName;
    private final String configType;
    private final String defaultValue;

    PackPasswordPolicyFactory(String id, String displayName, String configType, String defaultValue) {
        this.id = id;
        this.displayName = displayName;
        this.configType = configType;
        this.defaultValue = defaultValue;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayName() {
        return displayName;
    }

    @Override
    public String getConfigType() {
        return configType;
    }

    @Override
    public String getDefaultConfigValue() {
        return defaultValue;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }
}
