package io.github.keycloaksspr.core.method;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The pages on which a user proves a method: the list of methods ({@code sspr-select-method.ftl}) and a method's
 * answer page ({@code sspr-verify-method.ftl}). The reset flow and the security-info registration (which asks for an
 * existing method before a change) show the same pages.
 */
public final class MethodPages {

    public static final String SELECT_METHOD = "sspr-select-method.ftl";
    public static final String VERIFY_METHOD = "sspr-verify-method.ftl";
    /** What the list posts: the chosen method's id. */
    public static final String FIELD_METHOD = "method";
    /** What the answer page posts to go back to the list. */
    public static final String FIELD_BACK = "back";

    /** One line of the method list. */
    public record MethodChoice(String id, String labelKey, String hint, String unavailableKey) {

        public MethodChoice(String id, String labelKey, String hint) {
            this(id, labelKey, hint, "");
        }

        /** Whether the method can be chosen: its contact was not marked unreachable. */
        public boolean available() {
            return unavailableKey == null || unavailableKey.isEmpty();
        }

        /** FreeMarker 2.3.32 (Keycloak's) cannot read record components; templates get a map. */
        Map<String, String> toTemplateModel() {
            return Map.of("id", id, "labelKey", labelKey, "hint", hint == null ? "" : hint,
                    "unavailableKey", available() ? "" : unavailableKey);
        }
    }

    /** The message key of why a contact cannot be reached ({@code invalid_number} → {@code ssprUnreachableInvalidNumber}). */
    public static String unreachableKey(String reason) {
        StringBuilder key = new StringBuilder("ssprUnreachable");
        for (String part : reason.split("_")) {
            if (!part.isEmpty()) {
                key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return key.toString();
    }

    private MethodPages() {
    }

    public static Response selectMethod(LoginFormsProvider form, List<MethodChoice> choices, int step, int required) {
        return form.setAttribute("ssprMethods", choices.stream().map(MethodChoice::toTemplateModel).toList())
                .setAttribute("ssprStep", step)
                .setAttribute("ssprRequired", required)
                .createForm(SELECT_METHOD);
    }

    public static Response verifyMethod(LoginFormsProvider form, String methodId, MethodChallenge challenge, int step,
                                        int required) {
        PasskeyRequest passkey = challenge.passkey();
        if (passkey != null) {
            form.setAttribute("ssprPasskeyChallenge", passkey.challenge())
                    .setAttribute("ssprPasskeyRpId", passkey.rpId())
                    .setAttribute("ssprPasskeyAllowCredentials", String.join(" ", passkey.allowCredentials()))
                    .setAttribute("ssprPasskeyUserVerification", passkey.userVerification())
                    .setAttribute("ssprPasskeyTimeout", passkey.timeoutSeconds());
        }
        return form.setAttribute("ssprMethodId", methodId)
                .setAttribute("ssprMethodLabel", labelKey(methodId))
                .setAttribute("ssprMethodTitle", titleKey(methodId))
                .setAttribute("ssprKind", challenge.kind().name())
                .setAttribute("ssprInstruction", challenge.instructionKey())
                .setAttribute("ssprInstructionArgs", challenge.instructionArgs())
                .setAttribute("ssprQuestions", challenge.questions())
                .setAttribute("ssprStep", step)
                .setAttribute("ssprRequired", required)
                .createForm(VERIFY_METHOD);
    }

    /** {@code sspr-office-phone} → {@code ssprMethodOfficePhoneTitle}: what the answer page asks the user to do. */
    public static String titleKey(String methodId) {
        return labelKey(methodId).replaceFirst("Label$", "Title");
    }

    /** {@code sspr-office-phone} → {@code ssprMethodOfficePhoneLabel}. */
    public static String labelKey(String methodId) {
        StringBuilder key = new StringBuilder("ssprMethod");
        for (String part : methodId.replaceFirst("^sspr-", "").split("-")) {
            key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return key.append("Label").toString();
    }
}
