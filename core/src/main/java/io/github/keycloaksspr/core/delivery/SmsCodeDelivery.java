package io.github.keycloaksspr.core.delivery;

import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.models.UserModel;

/**
 * A code by SMS through the phone gateway, worded by the login theme's {@code ssprSmsCodeText} and ending with the
 * origin-bound line for the realm's login host ({@link OriginBoundCode}).
 */
public final class SmsCodeDelivery implements CodeDelivery {

    public static final SmsCodeDelivery INSTANCE = new SmsCodeDelivery();

    private SmsCodeDelivery() {
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public Transmission compose(MethodContext context, UserModel user, String number, String code) {
        String text = OriginBoundCode.appendTo(
                ThemeMessages.format(context, "ssprSmsCodeText", ThemeMessages.realmName(context.realm()), code),
                context.session(), code);
        return (session, realm) -> PhoneGateway.required(session).sendSms(number, text);
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
