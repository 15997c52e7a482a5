package io.github.keycloaksspr.authenticators.mfa;

/** {@code sspr-email-otp}: a code to the registered alternate email address, as a second factor in the browser flow. */
public final class SsprEmailOtpAuthenticatorFactory extends SsprMfaCodeAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-email-otp";

    public SsprEmailOtpAuthenticatorFactory() {
        super(PROVIDER_ID, MfaChannel.EMAIL, "SSPR: alternate email code (MFA)",
                "Sends a one-time code to the alternate email address the user registered as security info "
                        + "(not the account email).");
    }
}
