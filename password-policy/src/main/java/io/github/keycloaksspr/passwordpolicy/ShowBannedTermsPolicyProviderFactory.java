package io.github.keycloaksspr.passwordpolicy;

import java.util.Locale;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code sspr-banned-password-terms-shown} ({@code true}/{@code false}): whether a refusal because of
 * a custom term quotes the part of the password that matched it. Without it (the default) the user only learns that
 * the password contains a term the organisation banned, so the list cannot be read out by trying passwords.
 */
public final class ShowBannedTermsPolicyProviderFactory extends PackPasswordPolicyFactory {

    public static final String ID = "sspr-banned-password-terms-shown";

    private static final PasswordPolicyProvider POLICY = new PasswordPolicyProvider() {
        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            return null;
        }

        @Override
        public PolicyError validate(String user, String password) {
            return null;
        }

        @Override
        public Object parseConfig(String value) {
            String setting = value == null || value.isBlank() ? "true" : value.strip().toLowerCase(Locale.ROOT);
            if (!setting.equals("true") && !setting.equals("false")) {
                throw new PasswordPolicyConfigException("Show banned password terms: true or false");
            }
            return Boolean.valueOf(setting);
        }

        @Override
        public void close() {
        }
    };

    public ShowBannedTermsPolicyProviderFactory() {
        super(ID, "SSPR: show matched banned terms", PasswordPolicyProvider.STRING_CONFIG_TYPE, "true");
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return POLICY;
    }








}
