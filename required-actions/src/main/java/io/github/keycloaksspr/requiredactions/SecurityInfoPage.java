package io.github.keycloaksspr.requiredactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.registration.RegistrationSettings;
import org.keycloak.credential.CredentialModel;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Renders {@value RegisterSecurityInfoAction#TEMPLATE}: the user's methods with masked values, the ways to add one,
 * and either the code entry of a pending phone/email or the security-question form.
 */
final class SecurityInfoPage {

    /** Factors shown by name only (set up and removed elsewhere); their message keys. */
    private static final Map<Factor, String> OTHER_FACTOR_KEYS = Map.of(
            Factor.AUTHENTICATOR_APP, "ssprRegisterFactorAuthenticatorApp",
            Factor.PASSKEY, "ssprRegisterFactorPasskey",
            Factor.OFFICE_PHONE, "ssprRegisterFactorOfficePhone");

    /** Keycloak's own second factors, listed with their labels and removed on this page. */
    private static final Map<String, String> KEYCLOAK_METHOD_KEYS = Map.of(
            "otp", "ssprRegisterFactorAuthenticatorApp",
            "webauthn", "ssprRegisterFactorPasskey",
            "webauthn-passwordless", "ssprRegisterFactorPasskey");

    private final RegistrationStep step;
    private FormMessage error;
    private String success;
    private boolean questionsForm;
    private List<String> selectedQuestions = List.of();

    SecurityInfoPage(RegistrationStep step) {
        this.step = step;
    }

    SecurityInfoPage error(String field, String key, Object... parameters) {
        this.error = new FormMessage(field, key, parameters);
        return this;
    }

    SecurityInfoPage success(String key) {
        this.success = key;
        return this;
    }

    /** Show the security-question form, rows pre-set to {@code selected} (or the first questions of the pool). */
    SecurityInfoPage questionsForm(List<String> selected) {
        this.questionsForm = true;
        this.selectedQuestions = selected;
        return this;
    }

    void show() {
        step.context().challenge(form().createForm(RegisterSecurityInfoAction.TEMPLATE));
    }

    /**
     * The message key of why a contact could not be reached ({@code ssprUnreachableInvalidNumber}…), or "" when it
     * can: the page asks the user to replace or remove it.
     */
    static String unreachableKey(CredentialModel contact) {
        return ContactHealth.of(contact).map(mark -> MethodPages.unreachableKey(mark.reason())).orElse("");
    }

    private LoginFormsProvider form() {
        UserModel user = step.user();
        SecurityInfo info = step.securityInfo();
        List<Map<String, String>> phones = new ArrayList<>();
        SsprCredentials.mobilePhones(user).forEach(p -> phones.add(Map.of("id", p.getId(),
                "masked", Masking.phone(p.number()), "unreachable", unreachableKey(p))));
        List<Map<String, String>> emails = new ArrayList<>();
        SsprCredentials.alternateEmails(user).forEach(e -> emails.add(Map.of("id", e.getId(),
                "masked", Masking.email(e.email()), "unreachable", unreachableKey(e))));
        List<Map<String, String>> keycloakMethods = new ArrayList<>();
        user.credentialManager().getStoredCredentialsStream()
                .filter(c -> KEYCLOAK_METHOD_KEYS.containsKey(c.getType()))
                .forEach(c -> keycloakMethods.add(Map.of("id", c.getId(), "name", KEYCLOAK_METHOD_KEYS.get(c.getType()),
                        "label", c.getUserLabel() == null ? "" : c.getUserLabel())));
        // Factors without a credential of their own to list (the office phone comes from the directory).
        List<String> others = info.factors().stream().filter(f -> f != Factor.AUTHENTICATOR_APP && f != Factor.PASSKEY)
                .map(OTHER_FACTOR_KEYS::get).filter(Objects::nonNull).toList();
        String questionsId = SsprCredentials.securityQuestions(user).map(q -> q.getId()).orElse("");
        ContactRegistration.Pending pending = ContactRegistration.pending(step);
        RegistrationSettings settings = step.settings();
        LoginFormsProvider form = step.context().form()
                .setAttribute("ssprPhones", phones)
                .setAttribute("ssprEmails", emails)
                .setAttribute("ssprQuestionsCredential", questionsId)
                .setAttribute("ssprOtherMethods", others)
                .setAttribute("ssprKeycloakMethods", keycloakMethods)
                .setAttribute("ssprRegistered", info.registered())
                .setAttribute("ssprRequired", info.required())
                .setAttribute("ssprComplete", !info.missing())
                .setAttribute("ssprPhoneAvailable", ContactRegistration.phoneAvailable(step.methods()))
                .setAttribute("ssprEmailAvailable", step.methods().policy().methods().contains(SsprMethodIds.EMAIL))
                .setAttribute("ssprQuestionsAvailable", QuestionsRegistration.available(step))
                .setAttribute("ssprTotpAvailable", SetupHandOff.AUTHENTICATOR_APP.offeredTo(step, info))
                .setAttribute("ssprPasskeyAvailable", SetupHandOff.PASSKEY.offeredTo(step, info))
                .setAttribute("ssprMaySkip", RegisterSecurityInfoAction.maySkip(step))
                .setAttribute("ssprPending", pending == null ? "" : pending.channel())
                .setAttribute("ssprPendingHint", pending == null ? "" : pending.maskedDestination())
                .setAttribute("ssprView", questionsForm ? "questions" : "methods");
        if (questionsForm) {
            List<String> pool = settings.questionPool();
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < settings.questionsToRegister(); i++) {
                String chosen = i < selectedQuestions.size() ? selectedQuestions.get(i) : null;
                rows.add(chosen != null && pool.contains(chosen) ? chosen : pool.get(i % pool.size()));
            }
            form.setAttribute("ssprQuestionPool", pool).setAttribute("ssprQuestionRows", rows);
        }
        if (error != null) {
            form.addError(error);
        } else if (success != null) {
            form.setSuccess(success);
        }
        return form;
    }
}
