package io.github.keycloaksspr.authenticators.chooseaccount;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

/** {@code sspr-choose-account}: the first step of the reset flow. */
public final class SsprChooseAccountAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-choose-account";

    private static final SsprChooseAccountAuthenticator SINGLETON = new SsprChooseAccountAuthenticator();

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
        return "SSPR: choose account (with CAPTCHA)";
    }

    @Override
    public String getHelpText() {
        return "Self-service password reset: the user names the account and solves a proof-of-work CAPTCHA. Replaces 'Choose User'.";
    }
}
