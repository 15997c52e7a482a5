package io.github.keycloaksspr.authenticators.unlock;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** {@code sspr-unlock-or-reset}: place it after {@code sspr-verify-identity} and before {@code reset-password}. */
public final class SsprUnlockOrResetAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-unlock-or-reset";

    private static final SsprUnlockOrResetAuthenticator SINGLETON = new SsprUnlockOrResetAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SSPR: unlock or reset";
    }

    @Override
    public String getHelpText() {
        return "Self-service password reset: checks the identity proof again and lets a locked-out user only unlock.";
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
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED};
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
