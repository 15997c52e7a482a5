package io.github.keycloaksspr.passwordpolicy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.password.BannedPasswordRule;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Password policy {@code sspr-breached-passwords}: refuses passwords that a breached-password service lists, asked
 * through the k-anonymity range API ({@link PwnedPasswordsRange}). Its value says what happens when the service does
 * not answer within the timeout: {@code fail-open} (default: the password is judged by the other policies) or
 * {@code fail-closed} (refused, "could not be checked"). The service's address and the timeout are server options,
 * not realm settings, so that no realm administrator can make the server call an address of their choosing:
 * {@code --spi-password-policy--sspr-breached-passwords--api-base-url} (default {@value #DEFAULT_API_BASE_URL}) and
 * {@code --spi-password-policy--sspr-breached-passwords--timeout-ms} (default {@value #DEFAULT_TIMEOUT_MS}).
 */
public final class BreachedPasswordsPolicyProviderFactory extends PackPasswordPolicyFactory
        implements ServerInfoAwareProviderFactory {

    public static final String ID = "sspr-breached-passwords";
    static final String FAIL_OPEN = "fail-open";
    static final String FAIL_CLOSED = "fail-closed";
    static final String API_BASE_URL = "api-base-url";
    static final String TIMEOUT_MS = "timeout-ms";
    static final String DEFAULT_API_BASE_URL = "https://api.pwnedpasswords.com";
    static final long DEFAULT_TIMEOUT_MS = 2000;
    static final long MIN_TIMEOUT_MS = 100;
    static final long MAX_TIMEOUT_MS = 30_000;

    private static final Logger LOG = Logger.getLogger(BreachedPasswordsPolicyProviderFactory.class);

    /** Null when the server options are unusable: every check then counts as unanswered. */
    private PwnedPasswordsRange range;

    public BreachedPasswordsPolicyProviderFactory() {
        super(ID, "SSPR: breached passwords (fail-open or fail-closed)", PasswordPolicyProvider.STRING_CONFIG_TYPE,
                FAIL_OPEN);
    }

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new Policy(session, range);
    }

    @Override
    public void init(Config.Scope config) {
        try {
            range = new PwnedPasswordsRange(apiBaseUrl(config.get(API_BASE_URL, DEFAULT_API_BASE_URL)),
                    Duration.ofMillis(timeout(config.getLong(TIMEOUT_MS, DEFAULT_TIMEOUT_MS))));
        } catch (IllegalArgumentException e) {
            LOG.errorf("SSPR breached passwords misconfigured, every check counts as unanswered: %s", e.getMessage());
        }
    }

    static URI apiBaseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + API_BASE_URL + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("option " + API_BASE_URL + " must be an http(s) URL with a host");
        }
        return uri;
    }

    static long timeout(long millis) {
        if (millis < MIN_TIMEOUT_MS || millis > MAX_TIMEOUT_MS) {
            throw new IllegalArgumentException("option " + TIMEOUT_MS + " must be " + MIN_TIMEOUT_MS + " to "
                    + MAX_TIMEOUT_MS);
        }
        return millis;
    }







    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(API_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(DEFAULT_API_BASE_URL)
                .helpText("Base URL of a service speaking the Pwned Passwords range API (GET {base}/range/{prefix})")
                .add()
                .property().name(TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(DEFAULT_TIMEOUT_MS)
                .helpText("Longest wait for the service's whole answer, in milliseconds (100-30000)").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return range == null ? Map.of("configured", "false") : Map.of("configured", "true",
                API_BASE_URL, range.apiBaseUrl().toString(), TIMEOUT_MS, Long.toString(range.timeout().toMillis()));
    }


    private record Policy(KeycloakSession session, PwnedPasswordsRange range) implements PasswordPolicyProvider {

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            return check(realm.getPasswordPolicy().getPolicyConfig(ID), password);
        }

        @Override
        public PolicyError validate(String user, String password) {
            // Registration: no user yet, the realm from the request.
            RealmModel realm = session.getContext().getRealm();
            return realm == null ? null : check(realm.getPasswordPolicy().getPolicyConfig(ID), password);
        }

        private PolicyError check(Boolean failClosed, String password) {
            try {
                if (range == null) {
                    throw new PwnedPasswordsRange.Unavailable("not configured");
                }
                return range.isBreached(password) ? new PolicyError(BannedPasswordRule.BREACHED.messageKey()) : null;
            } catch (PwnedPasswordsRange.Unavailable e) {
                LOG.warnf("SSPR breached-password check unanswered (%s), %s", e.getMessage(),
                        Boolean.TRUE.equals(failClosed) ? "password refused (fail-closed)" : "password not checked (fail-open)");
                return Boolean.TRUE.equals(failClosed)
                        ? new PolicyError(BannedPasswordRule.BREACH_CHECK_UNAVAILABLE.messageKey()) : null;
            }
        }

        @Override
        public Object parseConfig(String value) {
            String mode = value == null || value.isBlank() ? FAIL_OPEN : value.strip().toLowerCase(Locale.ROOT);
            if (!mode.equals(FAIL_OPEN) && !mode.equals(FAIL_CLOSED)) {
                throw new PasswordPolicyConfigException("Breached passwords: fail-open or fail-closed");
            }
            return mode.equals(FAIL_CLOSED);
        }

        @Override
        public void close() {
        }
    }
}
