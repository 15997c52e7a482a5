package io.github.keycloaksspr.authenticators.mfa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.authenticators.methods.Masking;
import io.github.keycloaksspr.authenticators.methods.SmsCodeMethod;
import io.github.keycloaksspr.authenticators.methods.ThemeMessages;
import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.UserModel;

/**
 * Where an MFA code goes: the registered mobile phone (SMS) or the registered alternate email. Each channel has its own
 * code purpose, distinct from the reset flow's, so a sign-in code never answers a reset and the other way round.
 */
enum MfaChannel {

    SMS("sspr-sms-otp", SsprCredentialTypes.MOBILE_PHONE, "mfa-sms", "ssprMfaSmsTitle", "ssprMethodSmsInstruction") {
        @Override
        Optional<String> destination(UserModel user) {
            return SsprCredentials.mobilePhones(user).map(MobilePhoneCredentialModel::number).findFirst();
        }

        @Override
        String mask(String destination) {
            return Masking.phone(destination);
        }

        @Override
        void send(MethodContext context, UserModel user, String number, String code) throws Exception {
            PhoneGateway gateway = context.session().getProvider(PhoneGateway.class);
            if (gateway == null || !gateway.isConfigured()) {
                throw new IllegalStateException("the phone gateway is not configured");
            }
            gateway.sendSms(number, ThemeMessages.format(context, "ssprSmsCodeText", SmsCodeMethod.realmName(context), code));
        }
    },

    EMAIL("sspr-email-otp", SsprCredentialTypes.ALTERNATE_EMAIL, "mfa-email", "ssprMfaEmailTitle", "ssprMethodEmailInstruction") {
        @Override
        Optional<String> destination(UserModel user) {
            return SsprCredentials.alternateEmails(user).map(AlternateEmailCredentialModel::email).findFirst();
        }

        @Override
        String mask(String destination) {
            return Masking.email(destination);
        }

        @Override
        void send(MethodContext context, UserModel user, String address, String code) throws Exception {
            // Keycloak adds its own entries (user, realm, locale...) to both collections: they must be mutable.
            List<Object> subjectArgs = new ArrayList<>(List.of(SmsCodeMethod.realmName(context)));
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "ttlMinutes",
                    context.policy().codeLifetime().toMinutes()));
            context.session().getProvider(EmailTemplateProvider.class)
                    .setRealm(context.realm())
                    .setUser(user)
                    .setAuthenticationSession(context.authSession())
                    .send("ssprEmailCodeSubject", subjectArgs, "sspr-code.ftl", body, address);
        }
    };

    final String providerId;
    /** The credential type a user must have: it also picks the entry on Keycloak's "try another way" page. */
    final String credentialType;
    /** The code's purpose in {@code CodeChallenges}: one live code per purpose and tab. */
    final String purpose;
    final String titleKey;
    final String instructionKey;

    MfaChannel(String providerId, String credentialType, String purpose, String titleKey, String instructionKey) {
        this.providerId = providerId;
        this.credentialType = credentialType;
        this.purpose = purpose;
        this.titleKey = titleKey;
        this.instructionKey = instructionKey;
    }

    /** The user's registered destination (oldest credential first), if any. */
    abstract Optional<String> destination(UserModel user);

    abstract String mask(String destination);

    /** Sends the code; it must reach only the destination, never a log. */
    abstract void send(MethodContext context, UserModel user, String destination, String code) throws Exception;
}
