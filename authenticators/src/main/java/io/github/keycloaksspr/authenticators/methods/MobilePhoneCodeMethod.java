package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.delivery.PhoneCodeDelivery;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A code to the registered mobile phone: by text ({@code sspr-sms}) or by a call that reads it ({@code sspr-voice}).
 * Both prove the same factor: one phone counts once.
 */
public final class MobilePhoneCodeMethod extends PhoneCodeMethod {

    /** What stops texts but not calls: a landline, a number that sent STOP. */
    private static final Set<String> TEXT_ONLY_REFUSALS = Set.of("not_mobile", "unsubscribed");

    private final String id;
    private final PhoneCodeDelivery delivery;
    private final String instructionKey;

    private MobilePhoneCodeMethod(String id, PhoneCodeDelivery delivery, String instructionKey) {
        this.id = id;
        this.delivery = delivery;
        this.instructionKey = instructionKey;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Factor factor() {
        return Factor.MOBILE_PHONE;
    }

    @Override
    String instructionKey() {
        return instructionKey;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.packCredential(SsprCredentialTypes.MOBILE_PHONE);
    }

    @Override
    Optional<String> number(MethodContext context, UserModel user) {
        return SsprCredentials.mobileNumber(user);
    }

    @Override
    CodeDelivery delivery() {
        return delivery;
    }

    /** The number the code goes to, when a permanent refusal marked it; a call still reaches a landline. */
    @Override
    public Optional<String> unreachable(MethodContext context, UserModel user) {
        return SsprCredentials.mobilePhones(user).findFirst().flatMap(ContactHealth::of)
                .map(ContactHealth.Unreachable::reason)
                .filter(reason -> delivery != PhoneCodeDelivery.VOICE || !TEXT_ONLY_REFUSALS.contains(reason));
    }

    /** Methods are stateless: one instance of each serves every session. */
    private abstract static class Factory implements SsprMethodFactory {
        private final MobilePhoneCodeMethod method;

        Factory(MobilePhoneCodeMethod method) {
            this.method = method;
        }

        @Override
        public SsprMethod create(KeycloakSession session) {
            return method;
        }

        @Override
        public String getId() {
            return method.id();
        }
    }

    public static final class SmsFactory extends Factory {
        public SmsFactory() {
            super(new MobilePhoneCodeMethod(SsprMethodIds.SMS, PhoneCodeDelivery.SMS, "ssprMethodSmsInstruction"));
        }
    }

    public static final class VoiceFactory extends Factory {
        public VoiceFactory() {
            super(new MobilePhoneCodeMethod(SsprMethodIds.VOICE, PhoneCodeDelivery.VOICE,
                    "ssprMethodVoiceInstruction"));
        }
    }
}
