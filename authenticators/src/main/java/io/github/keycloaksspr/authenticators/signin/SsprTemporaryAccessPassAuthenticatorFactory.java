package io.github.keycloaksspr.authenticators.signin;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import org.keycloak.models.AuthenticationExecutionModel;


/**
 * {@code sspr-temporary-access-pass}: the Temporary Access Pass at sign-in. Add it to the browser flow as an
 * ALTERNATIVE beside the password form (after the username form); Keycloak offers it only to users who hold a pass.
 */
public final class SsprTemporaryAccessPassAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-temporary-access-pass";

    private static final AuthenticationExecutionModel.Requirement[] CHOICES = {
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED};

    public SsprTemporaryAccessPassAuthenticatorFactory() {
        super(PROVIDER_ID, new SsprTemporaryAccessPassAuthenticator(), "SSPR: temporary access pass",
                "Signs in a user with the Temporary Access Pass their help desk issued, then asks them to register "
                        + "security info. Put it beside the password form, after the username form.");
    }

    /**
     * Keycloak picks among alternatives by the user's credentials in their order: an issued pass is put first, so a
     * user holding one meets the pass form first (and the password by "Try another way").
     */
    @Override
    public String getReferenceCategory() {
        return TemporaryAccessPassCredentialModel.TYPE;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return CHOICES.clone();
    }
}
