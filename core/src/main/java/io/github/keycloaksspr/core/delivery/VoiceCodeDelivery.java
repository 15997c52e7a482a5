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
    public void deliver(MethodContext context, UserModel user, String number, String code) throws Exception {
        String language = context.locale() == null ? "en-US" : context.locale().toLanguageTag();
        PhoneGateway.required(context.session()).placeCall(number, SpokenMessage.codeReadTwice(code, language));
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
