package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** A code by SMS to the registered mobile phone. */
public final class SmsCodeMethod extends PhoneCodeMethod {

    @Override
    public String id() {
        return SsprMethodIds.SMS;
    }

    @Override
    public String factor() {
        return "mobile-phone";
    }

    @Override
    String instructionKey() {
        return "ssprMethodSmsInstruction";
    }

    @Override
    Optional<String> number(MethodContext context, UserModel user) {
        return PhoneNumberLookup.mobileNumber(user);
    }

    @Override
    void deliver(MethodContext context, PhoneGateway gateway, String number, String code) throws Exception {
        gateway.sendSms(number, ThemeMessages.format(context, "ssprSmsCodeText", realmName(context), code));
    }

    public static String realmName(MethodContext context) {
        String display = context.realm().getDisplayName();
        return display == null || display.isBlank() ? context.realm().getName() : display;
    }

    public static final class Factory implements SsprMethodFactory {
        private static final SmsCodeMethod INSTANCE = new SmsCodeMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.SMS;
        }
    }
}
