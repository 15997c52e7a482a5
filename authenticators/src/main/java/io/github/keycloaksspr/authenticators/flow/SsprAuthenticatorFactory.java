package io.github.keycloaksspr.authenticators.flow;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What every reset-flow step's factory shares: one stateless step for all sessions, always REQUIRED, nothing to
 * configure unless it says so.
 */
public abstract class SsprAuthenticatorFactory implements AuthenticatorFactory {

    private static final AuthenticationExecutionModel.Requirement[] REQUIRED_ONLY = {
            AuthenticationExecutionModel.Requirement.REQUIRED};

    private final String id;
    private final Authenticator step;
    private final String displayType;
    private final String helpText;

    protected SsprAuthenticatorFactory(String id, Authenticator step, String displayType, String helpText) {
        this.id = id;
        this.step = step;
        this.displayType = displayType;
        this.helpText = helpText;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return step;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIRED_ONLY.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
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
}
