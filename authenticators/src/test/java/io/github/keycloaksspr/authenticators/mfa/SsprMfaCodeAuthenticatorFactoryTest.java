package io.github.keycloaksspr.authenticators.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** What the admin console and brute-force protection see of the two MFA authenticators. */
class SsprMfaCodeAuthenticatorFactoryTest {

    @Test
    void bothAreRegisteredUnderTheirFixedIds() {
        assertThat(ServiceLoader.load(AuthenticatorFactory.class).stream().map(ServiceLoader.Provider::type))
                .contains(SsprSmsOtpAuthenticatorFactory.class, SsprEmailOtpAuthenticatorFactory.class);
        assertThat(new SsprSmsOtpAuthenticatorFactory().getId()).isEqualTo("sspr-sms-otp");
        assertThat(new SsprEmailOtpAuthenticatorFactory().getId()).isEqualTo("sspr-email-otp");
    }

    @Test
    void wrongCodesCountForBruteForceProtectionAndTheyCanBeAlternatives() {
        for (SsprMfaCodeAuthenticatorFactory factory : new SsprMfaCodeAuthenticatorFactory[] {
                new SsprSmsOtpAuthenticatorFactory(), new SsprEmailOtpAuthenticatorFactory()}) {
            assertThat(factory.getReferenceCategory()).isEqualTo("otp");
            assertThat(factory.getRequirementChoices())
                    .containsExactly(Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
            assertThat(factory.isUserSetupAllowed()).isFalse();
            assertThat(factory.create(null).requiresUser()).isTrue();
        }
    }

    @Test
    void signInCodesNeverShareAPurposeWithTheResetFlow() {
        assertThat(MfaChannel.SMS.purpose).isEqualTo("mfa-sms").isNotEqualTo("sspr-sms");
        assertThat(MfaChannel.EMAIL.purpose).isEqualTo("mfa-email").isNotEqualTo("sspr-email");
        assertThat(MfaChannel.SMS.credentialType).isEqualTo("sspr-mobile-phone");
        assertThat(MfaChannel.EMAIL.credentialType).isEqualTo("sspr-alternate-email");
    }
}
