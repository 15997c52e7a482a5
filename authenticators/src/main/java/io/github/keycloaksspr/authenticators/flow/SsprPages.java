package io.github.keycloaksspr.authenticators.flow;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.PasskeyRequest;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * The reset flow's pages. Real and decoy runs go through these same methods, so they show the same titles and the
 * same form fields; only message keys and masked hints differ.
 */
public final class SsprPages {

    public static final String CHOOSE_ACCOUNT = "sspr-choose-account.ftl";
    public static final String SELECT_METHOD = "sspr-select-method.ftl";
    public static final String VERIFY_METHOD = "sspr-verify-method.ftl";
    public static final String UNLOCK_OR_RESET = "sspr-unlock-or-reset.ftl";
    public static final String GUEST = "sspr-guest.ftl";

    /** The one message every unsuccessful ending shows, real or decoy. */
    public static final String NOT_VERIFIED = "ssprEndNotVerified";
    /** Shown when the account (or the typed name, or the client address) is blocked from SSPR for now. */
    public static final String BLOCKED = "ssprErrorBlocked";

    /** One line of the method list. */
    public record MethodChoice(String id, String labelKey, String hint) {

        /** FreeMarker 2.3.32 (Keycloak's) cannot read record components; templates get a map. */
        Map<String, String> toTemplateModel() {
            return Map.of("id", id, "labelKey", labelKey, "hint", hint == null ? "" : hint);
        }
    }

    private SsprPages() {
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
                .setAttribute("ssprKind", challenge.kind().name())
                .setAttribute("ssprInstruction", challenge.instructionKey())
                .setAttribute("ssprInstructionArgs", challenge.instructionArgs())
                .setAttribute("ssprQuestions", challenge.questions())
                .setAttribute("ssprStep", step)
                .setAttribute("ssprRequired", required)
                .createForm(VERIFY_METHOD);
    }

    public static Response unlockOrReset(LoginFormsProvider form) {
        return form.createForm(UNLOCK_OR_RESET);
    }

    public static Response guest(LoginFormsProvider form, String homeProvider) {
        return form.setAttribute("ssprHomeProvider", homeProvider).createForm(GUEST);
    }

    /** {@code captchaChallengeJson} is null when the policy turns the CAPTCHA off. */
    public static Response chooseAccount(LoginFormsProvider form, String captchaChallengeJson) {
        if (captchaChallengeJson != null) {
            form.setAttribute("ssprCaptchaChallenge", captchaChallengeJson);
        }
        return form.createForm(CHOOSE_ACCOUNT);
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
