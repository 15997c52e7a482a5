package io.github.keycloaksspr.authenticators.methods;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** A code by SMS to the registered mobile phone. */
public final class SmsCodeMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodSmsInstruction";

    @Override
    public String id() {
        return SsprMethodIds.SMS;
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
        String text = ThemeMessages.format(context, "ssprSmsCodeText", realmName(context), "%s");
        return CodeChallenges.challenge(context, user, id(), number, INSTRUCTION, Masking.phone(number),
                code -> PhoneNumberLookup.gateway(context.session()).sendSms(number, text.replace("%s", code)));
    }

    @Override
    public MethodChallenge decoyChallenge(MethodContext context) {
        return MethodChallenge.code(INSTRUCTION, "+\u2022\u2022 \u2022\u2022\u2022 \u2022\u2022 \u2022\u2022");
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
    }

    static String realmName(MethodContext context) {
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
