package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.phone.VoiceTwiml;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
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
    public String factor() {
        return "mobile-phone";
    }

    @Override
    String instructionKey() {
        return "ssprMethodVoiceInstruction";
    }

    @Override
    Optional<String> number(MethodContext context, UserModel user) {
        return PhoneNumberLookup.mobileNumber(user);
    }

    @Override
    void deliver(MethodContext context, PhoneGateway gateway, String number, String code) throws Exception {
        gateway.placeCall(number, VoiceTwiml.speakDigitsTwice(code, spokenLanguage(context)));
    }

    public static String spokenLanguage(MethodContext context) {
        return context.locale() == null ? "en-US" : context.locale().toLanguageTag();
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
