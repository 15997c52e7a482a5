package io.github.keycloaksspr.authenticators.mfa;

import java.util.Optional;
import java.util.function.Function;

import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.delivery.EmailCodeDelivery;
import io.github.keycloaksspr.core.delivery.PhoneCodeDelivery;
import org.keycloak.models.UserModel;

/**
 * Where an MFA code goes: the registered mobile phone (SMS) or the registered alternate email. Each channel has its own
 * code purpose, distinct from the reset flow's, so a sign-in code never answers a reset and the other way round.
 */
enum MfaChannel {

    SMS("sspr-sms-otp", SsprCredentialTypes.MOBILE_PHONE, "mfa-sms", "ssprMfaSmsTitle", "ssprMethodSmsInstruction",
            SsprCredentials::mobileNumber, PhoneCodeDelivery.SMS),

    EMAIL("sspr-email-otp", SsprCredentialTypes.ALTERNATE_EMAIL, "mfa-email", "ssprMfaEmailTitle",
            "ssprMethodEmailInstruction", SsprCredentials::alternateEmail, EmailCodeDelivery.INSTANCE);

    final String providerId;
    /** The credential type a user must have: it also picks the entry on Keycloak's "try another way" page. */
    final String credentialType;
    /** The code's purpose in {@code CodeChallenges}: one live code per purpose and tab. */
    final String purpose;
    final String titleKey;
    final String instructionKey;
    private final Function<UserModel, Optional<String>> destination;
    final CodeDelivery delivery;

    MfaChannel(String providerId, String credentialType, String purpose, String titleKey, String instructionKey,
               Function<UserModel, Optional<String>> destination, CodeDelivery delivery) {
        this.providerId = providerId;
        this.credentialType = credentialType;
        this.purpose = purpose;
        this.titleKey = titleKey;
        this.instructionKey = instructionKey;
        this.destination = destination;
        this.delivery = delivery;
    }

    /** The user's registered destination (oldest credential first), if any. */
    Optional<String> destination(UserModel user) {
        return destination.apply(user);
    }
}
