package io.github.keycloaksspr.authenticators.mfa;

/** {@code sspr-sms-otp}: a code by SMS to the registered mobile phone, as a second factor in the browser flow. */
public final class SsprSmsOtpAuthenticatorFactory extends SsprMfaCodeAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-sms-otp";

    public SsprSmsOtpAuthenticatorFactory() {
        super(PROVIDER_ID, MfaChannel.SMS, "SSPR: SMS code (MFA)",
                "Sends a one-time code by SMS to the mobile phone the user registered as security info. "
                        + "Needs the Twilio gateway.");
    }
}
