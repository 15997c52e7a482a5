package io.github.keycloaksspr.requiredactions;

import java.util.Optional;

import io.github.keycloaksspr.core.guard.RemovalGuard;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;

/**
 * Outside the registration page (Account Console, account REST API) the same rule holds: a user in SSPR scope keeps
 * at least the number of methods the realm's reset policy requires of them.
 */
final class MinimumMethodsRemovalGuard implements RemovalGuard {

    private final KeycloakSession session;

    MinimumMethodsRemovalGuard(KeycloakSession session) {
        this.session = session;
    }

    /** With the security-info page enabled, it is where methods are removed: after proof of another method. */
    @Override
    public boolean removableOutsideTheSecurityInfoPage(UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        RequiredActionProviderModel action = realm == null ? null
                : realm.getRequiredActionProviderByAlias(RegisterSecurityInfoAction.PROVIDER_ID);
        return action == null || !action.isEnabled();
    }

    @Override
    public boolean mayRemoveLast(UserModel user, String credentialType) {
        Optional<Factor> factor = Factor.ofPackCredentialType(credentialType);
        RealmModel realm = session.getContext().getRealm();
        if (factor.isEmpty() || realm == null) {
            return true;
        }
        // Without a readable policy the minimum is unknown: keep the method rather than guess.
        Optional<SsprPolicy> policy = ResetPolicyResolver.forRealm(realm,
                "removing a last " + credentialType + " is refused");
        if (policy.isEmpty()) {
            return false;
        }
        String clientIp = session.getContext().getConnection() == null ? null
                : session.getContext().getConnection().getRemoteAddr();
        MethodContext methods = new MethodContext(session, realm, null, policy.get(), clientIp, null);
        return !SecurityInfo.of(methods, user).removalLeavesTooFew(factor.get());
    }
}
