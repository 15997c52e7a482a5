package io.github.keycloaksspr.authenticators.methods;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.phone.VoiceTwiml;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** A call to the registered mobile phone that speaks the code digit by digit, twice. Same factor as SMS. */
public final class VoiceCodeMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodVoiceInstruction";

    @Override
    public String id() {
        return SsprMethodIds.VOICE;
    }

    @Override
    public String factor() {
        return "mobile-phone";
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isAvailable(MethodContext context) {
        return PhoneNumberLookup.gatewayConfigured(context.session());
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return PhoneNumberLookup.mobileNumber(user).isPresent();
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return PhoneNumberLookup.mobileNumber(user).map(Masking::phone).orElse("");
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        String number = PhoneNumberLookup.mobileNumber(user).orElseThrow();
        String language = context.locale() == null ? "en-US" : context.locale().toLanguageTag();
        return CodeChallenges.challenge(context, user, id(), number, INSTRUCTION, Masking.phone(number),
                code -> PhoneNumberLookup.gateway(context.session())
                        .placeCall(number, VoiceTwiml.speakDigitsTwice(code, language)));
    }

    @Override
    public MethodChallenge decoyChallenge(MethodContext context) {
        return MethodChallenge.code(INSTRUCTION, "+\u2022\u2022 \u2022\u2022\u2022 \u2022\u2022 \u2022\u2022");
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
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
