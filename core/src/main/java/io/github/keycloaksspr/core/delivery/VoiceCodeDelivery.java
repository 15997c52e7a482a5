package io.github.keycloaksspr.core.delivery;

import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.models.UserModel;

/** A call through the phone gateway that reads the code digit by digit, twice, in the user's language. */
public final class VoiceCodeDelivery implements CodeDelivery {

    public static final VoiceCodeDelivery INSTANCE = new VoiceCodeDelivery();

    private VoiceCodeDelivery() {
    }

    @Override
    public String channel() {
        return "voice";
    }

    @Override
    public Transmission compose(MethodContext context, UserModel user, String number, String code) {
        String language = context.locale() == null ? "en-US" : context.locale().toLanguageTag();
        SpokenMessage message = SpokenMessage.codeReadTwice(code, language);
        return (session, realm) -> PhoneGateway.required(session).placeCall(number, message);
    }

    @Override
    public String masked(String number) {
        return Masking.phone(number);
    }

    @Override
    public boolean usesPhone() {
        return true;
    }
}
