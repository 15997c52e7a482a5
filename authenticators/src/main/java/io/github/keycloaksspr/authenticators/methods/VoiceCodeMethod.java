package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.delivery.VoiceCodeDelivery;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** A call to the registered mobile phone that speaks the code digit by digit, twice. Same factor as SMS. */
public final class VoiceCodeMethod extends PhoneCodeMethod {

    @Override
    public String id() {
        return SsprMethodIds.VOICE;
    }

    @Override
    public Factor factor() {
        return Factor.MOBILE_PHONE;
    }

    @Override
    String instructionKey() {
        return "ssprMethodVoiceInstruction";
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
        return VoiceCodeDelivery.INSTANCE;
    }

    public static final class Factory implements SsprMethodFactory {
        private static final VoiceCodeMethod INSTANCE = new VoiceCodeMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.VOICE;
        }
    }
}
