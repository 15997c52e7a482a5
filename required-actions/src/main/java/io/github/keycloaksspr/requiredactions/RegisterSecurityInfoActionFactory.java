package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.core.registration.RegistrationSettings;
import java.util.List;

import io.github.keycloaksspr.core.credential.PredefinedQuestions;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/** Metadata and admin-console config of {@code sspr-register-security-info}; the provider holds no state. */
public final class RegisterSecurityInfoActionFactory implements RequiredActionFactory {

    private static final RegisterSecurityInfoAction INSTANCE = new RegisterSecurityInfoAction();

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(RegistrationSettings.REQUIRE_AT_SIGN_IN).label("Require registration at sign-in")
            .helpText("Users in SSPR scope with fewer methods than the reset policy requires (administrators: 2, "
                    + "security questions not counting) must register them at sign-in.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue(Boolean.toString(RegistrationSettings.DEFAULTS.requireAtSignIn())).add()
            .property().name(RegistrationSettings.RECONFIRM_DAYS).label("Days before reconfirmation")
            .helpText("Users confirm their security info again after this many days. 0 = never.")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(Integer.toString(RegistrationSettings.DEFAULTS.reconfirmDays())).add()
            .property().name(RegistrationSettings.QUESTIONS_TO_REGISTER).label("Security questions to register")
            .helpText("How many security questions a user registers (3 to 5).")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(Integer.toString(RegistrationSettings.DEFAULTS.questionsToRegister())).add()
            .property().name(RegistrationSettings.GRACE_DAYS).label("Grace days")
            .helpText("For this many days after they are first asked, users may choose \"Not now\" and register "
                    + "later; afterwards registration is mandatory. 0 = mandatory at once. At most "
                    + RegistrationSettings.MAX_GRACE_DAYS + ".")
            .type(ProviderConfigProperty.INTEGER_TYPE)
            .defaultValue(Integer.toString(RegistrationSettings.DEFAULTS.graceDays())).add()
            .property().name(RegistrationSettings.PREDEFINED_QUESTIONS).label("Predefined security questions")
            .helpText("The pack's questions users may pick (shown in the user's language).")
            .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
            .options(PredefinedQuestions.KEYS)
            .defaultValue(String.join(Constants.CFG_DELIMITER, PredefinedQuestions.KEYS)).add()
            .property().name(RegistrationSettings.CUSTOM_QUESTIONS).label("Custom security questions")
            .helpText("Your own questions, shown as typed. Together with the predefined ones the pool must offer "
                    + "at least as many questions as users register.")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .build();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return RegisterSecurityInfoAction.PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "Register security info (SSPR)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
        try {
            RegistrationSettings.from(model.getConfig());
        } catch (InvalidPolicyException e) {
            // The admin REST endpoint answers 400 with this error; the key names the setting.
            throw new ValidationException(new ValidationError(getId(), e.key(), "error-invalid-value"));
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
