package io.github.keycloaksspr.authenticators.chooseaccount;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;

/** {@code sspr-choose-account}: the first step of the reset flow. */
public final class SsprChooseAccountAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = "sspr-choose-account";

    public SsprChooseAccountAuthenticatorFactory() {
        super(PROVIDER_ID, new SsprChooseAccountAuthenticator(), "SSPR: choose account (with CAPTCHA)",
                "Self-service password reset: the user names the account and solves a proof-of-work "
                        + "CAPTCHA. Replaces 'Choose User'.");
    }
}
