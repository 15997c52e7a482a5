package io.github.keycloaksspr.passwordpolicy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Password policy {@code sspr-banned-password-terms}: the realm's own banned terms, comma-separated (company,
 * products, city…; see {@link CustomTerms}). They count in the {@code sspr-banned-passwords} score; without that
 * policy the check runs here with the default minimum score.
 */
public final class BannedPasswordTermsPolicyProviderFactory extends PackPasswordPolicyFactory {

    public static final String ID = "sspr-banned-password-terms";

    private KeycloakSessionFactory sessionFactory;

    public BannedPasswordTermsPolicyProviderFactory() {
        super(ID, "SSPR: banned password terms", PasswordPolicyProvider.STRING_CONFIG_TYPE, "");
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Policy(session, this);
    }


    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.sessionFactory = factory;
    }

    private TermIndex commonPasswords() {
        return ((BannedPasswordsPolicyProviderFactory) sessionFactory
                .getProviderFactory(PasswordPolicyProvider.class, BannedPasswordsPolicyProviderFactory.ID))
                .commonPasswords();
    }







    private record Policy(KeycloakSession session, BannedPasswordTermsPolicyProviderFactory factory)
            implements PasswordPolicyProvider {

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            if (realm.getPasswordPolicy().getPolicies().contains(BannedPasswordsPolicyProviderFactory.ID)) {
                return null;
            }
            return RealmBannedPasswords.refusal(factory.commonPasswords(), BannedPasswordCheck.DEFAULT_MINIMUM_SCORE,
                    realm, user, null, password);
        }

        @Override
        public PolicyError validate(String user, String password) {
            RealmModel realm = session.getContext().getRealm();
            if (realm == null || realm.getPasswordPolicy().getPolicies().contains(BannedPasswordsPolicyProviderFactory.ID)) {
                return null;
            }
            return RealmBannedPasswords.refusal(factory.commonPasswords(), BannedPasswordCheck.DEFAULT_MINIMUM_SCORE,
                    realm, null, user, password);
        }

        @Override
        public Object parseConfig(String value) {
            return CustomTerms.parse(value);
        }

        @Override
        public void close() {
        }
    }
}
