package io.github.keycloaksspr.passwordpolicy;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Password policy {@code sspr-banned-passwords}: refuses passwords that, in normal form, score fewer points than its
 * value (default {@value BannedPasswordCheck#DEFAULT_MINIMUM_SCORE}) against the global list of common passwords, the
 * realm's custom terms and the user's and realm's names. Keycloak checks password policies wherever it sets a password
 * (registration, Update password, the account console, the admin API, the reset flow) and before it writes one to a
 * federated directory. The global list is loaded once per server, here.
 */
public final class BannedPasswordsPolicyProviderFactory extends PackPasswordPolicyFactory
        implements ServerInfoAwareProviderFactory {

    public static final String ID = "sspr-banned-passwords";
    static final int MAX_MINIMUM_SCORE = 30;

    private static final Logger LOG = Logger.getLogger(BannedPasswordsPolicyProviderFactory.class);

    private TermIndex commonPasswords;

    public BannedPasswordsPolicyProviderFactory() {
        super(ID, "SSPR: banned passwords (minimum score)", PasswordPolicyProvider.INT_CONFIG_TYPE,
                Integer.toString(BannedPasswordCheck.DEFAULT_MINIMUM_SCORE));
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Policy(session, commonPasswords());
    }

    @Override
    public void init(Config.Scope config) {
        long started = System.nanoTime();
        commonPasswords = CommonPasswords.load();
        LOG.debugf("SSPR banned passwords: %d common passwords loaded in %d ms", commonPasswords.size(),
                (System.nanoTime() - started) / 1_000_000);
    }


    /** The global list, shared by the policies that check against it. */
    TermIndex commonPasswords() {
        return commonPasswords;
    }






    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("common-passwords", Integer.toString(commonPasswords.size()));
    }


    static int parseMinimumScore(String value) {
        int score;
        try {
            score = value == null || value.isBlank() ? BannedPasswordCheck.DEFAULT_MINIMUM_SCORE
                    : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new PasswordPolicyConfigException("The banned-password score must be a number from 1 to "
                    + MAX_MINIMUM_SCORE);
        }
        if (score < 1 || score > MAX_MINIMUM_SCORE) {
            throw new PasswordPolicyConfigException("The banned-password score must be a number from 1 to "
                    + MAX_MINIMUM_SCORE);
        }
        return score;
    }

    private record Policy(KeycloakSession session, TermIndex common) implements PasswordPolicyProvider {

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            int minimum = realm.getPasswordPolicy().getPolicyConfig(ID);
            return RealmBannedPasswords.refusal(common, minimum, realm, user, null, password);
        }

        @Override
        public PolicyError validate(String user, String password) {
            RealmModel realm = session.getContext().getRealm();
            int minimum = realm == null || !realm.getPasswordPolicy().getPolicies().contains(ID)
                    ? BannedPasswordCheck.DEFAULT_MINIMUM_SCORE : realm.getPasswordPolicy().getPolicyConfig(ID);
            return RealmBannedPasswords.refusal(common, minimum, realm, null, user, password);
        }

        @Override
        public Object parseConfig(String value) {
            return parseMinimumScore(value);
        }

        @Override
        public void close() {
        }
    }
}
