package io.github.keycloaksspr.authenticators.mfa;

/** {@code sspr-sms-otp}: a code by SMS to the registered mobile phone, as a second factor in the browser flow. */
public final class SsprSmsOtpAuthenticatorFactory extends SsprMfaCodeAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-sms-otp";

    public SsprSmsOtpAuthenticatorFactory() {
        super(MfaChannel.SMS);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "SSPR: SMS code (MFA)";
    }

    @Override
    public String getHelpText() {
        return "Sends a one-time code by SMS to the mobile phone the user registered as security info. Needs the Twilio gateway.";
    }
}
