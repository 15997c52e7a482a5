package io.github.keycloaksspr.core.delivery;

import java.net.URI;

import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.models.UserModel;

/** A code to a phone number through the phone gateway: a text, or a call that reads it. */
public enum PhoneCodeDelivery implements CodeDelivery {

    /**
     * A text worded by the login theme's {@code ssprSmsCodeText}, ending with the origin-bound line for the realm's
     * login host ({@link OriginBoundCode}).
     */
    SMS("sms") {
        @Override
        public Transmission compose(MethodContext context, UserModel user, String number, String code) {
            String text = OriginBoundCode.appendTo(
                    ThemeMessages.format(context, "ssprSmsCodeText", ThemeMessages.realmName(context.realm()), code),
                    context.session(), code);
            return (session, realm) -> PhoneGateway.required(session).sendSms(number, text);
        }
    },

    /**
     * A call that reads the code digit by digit, twice, in the user's language. By default the call first asks for a
     * keypress ("press any key to hear your code", the login theme's {@code ssprVoicePressAnyKey}) and speaks the code
     * only when the carrier calls back after one ({@link VoiceCallbackResource}): an answering machine records the
     * prompt, never the code.
     */
    VOICE("voice") {
        @Override
        public Transmission compose(MethodContext context, UserModel user, String number, String code) {
            String language = context.locale() == null ? "en-US" : context.locale().toLanguageTag();
            SpokenMessage message = SpokenMessage.codeReadTwice(code, language);
            PhoneGateway gateway = PhoneGateway.required(context.session());
            if (!gateway.asksForKeypress()) {
                return (session, realm) -> PhoneGateway.required(session).placeCall(number, message);
            }
            String token = VoiceCodeCallbacks.newToken();
            URI callback = VoiceCallbackResource.callback(context.session(), context.realm(),
                    gateway.callbackBaseUrl(), token);
            VoiceCodeCallbacks.hold(context.session(), token, callback, message, context.policy().codeLifetime());
            SpokenMessage prompt = new SpokenMessage(ThemeMessages.format(context, "ssprVoicePressAnyKey"), language,
                    2);
            return (session, realm) -> PhoneGateway.required(session).placeCallAskingForKey(number, prompt, callback);
        }
    };

    private final String channel;

    PhoneCodeDelivery(String channel) {
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
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
