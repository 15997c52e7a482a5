package io.github.keycloaksspr.authenticators.verify;

import java.util.List;
import java.util.Set;

import io.github.keycloaksspr.authenticators.flow.SsprAuthenticatorFactory;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.policy.SsprPolicyLocator;
import io.github.keycloaksspr.core.policy.SsprPolicyProperties;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@code sspr-verify-identity}. Its execution config is the realm's reset policy. Every choice is a fixed list in the
 * admin console, so an admin cannot save a value the policy would refuse; a bad value imported by JSON or REST makes
 * the step refuse every reset (fail closed) and says which setting is wrong in the server log and the event.
 */
public final class SsprVerifyIdentityAuthenticatorFactory extends SsprAuthenticatorFactory {

    public static final String PROVIDER_ID = SsprPolicyLocator.VERIFY_IDENTITY_PROVIDER_ID;

    public SsprVerifyIdentityAuthenticatorFactory() {
        super(PROVIDER_ID, new SsprVerifyIdentityAuthenticator(), "SSPR: verify identity (N of M methods)",
                "Self-service password reset: the user proves identity with the number of registered methods the "
                        + "policy requires. This step's config is the reset policy.");
    }

    /** Wrong codes are reported as {@code otp} failures: the only custom-step category brute-force protection counts. */
    @Override
    public String getReferenceCategory() {
        return "otp";
    }

    @Override
    public Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return Set.of(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.ALTERNATE_EMAIL,
                SsprCredentialTypes.SECURITY_QUESTIONS);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SsprPolicyProperties.CONSOLE;
    }
}
