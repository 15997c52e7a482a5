package io.github.keycloaksspr.authenticators.mfa;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * What the two MFA code factories share. Unlike the reset steps they may be ALTERNATIVE (beside Keycloak's OTP form or
 * WebAuthn, with "try another way") and report to brute-force protection under the {@code otp} category.
 */
abstract class SsprMfaCodeAuthenticatorFactory extends SsprAuthenticatorFactory {

    private static final AuthenticationExecutionModel.Requirement[] CHOICES = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.ALTERNATIVE,
            AuthenticationExecutionModel.Requirement.DISABLED};

    SsprMfaCodeAuthenticatorFactory(String id, MfaChannel channel, String displayType, String helpText) {
        super(id, new SsprMfaCodeAuthenticator(channel), displayType, helpText);
    }

    @Override
    public String getReferenceCategory() {
        return OTPCredentialModel.TYPE;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return CHOICES.clone();
    }
}
