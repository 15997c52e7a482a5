package io.github.keycloaksspr.requiredactions;

import io.github.keycloaksspr.authenticators.flow.SsprPolicyLocator;
import io.github.keycloaksspr.core.guard.RemovalGuard;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.policy.InvalidPolicyException;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Outside the registration page (Account Console, account REST API) the same rule holds: a user in SSPR scope keeps
 * at least the number of methods the realm's reset policy requires of them.
 */
final class MinimumMethodsRemovalGuard implements RemovalGuard {

    private static final Logger LOG = Logger.getLogger(MinimumMethodsRemovalGuard.class);

    private final KeycloakSession session;

    MinimumMethodsRemovalGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean mayRemoveLast(UserModel user, String credentialType) {
        String factor = SecurityInfo.factorOfCredentialType(credentialType);
        RealmModel realm = session.getContext().getRealm();
        if (factor == null || realm == null) {
            return true;
        }
        SsprPolicy policy;
        try {
            policy = SsprPolicyLocator.policyOfRealm(realm);
        } catch (InvalidPolicyException e) {
            // Without a readable policy the minimum is unknown: keep the method rather than guess.
            LOG.warnf("SSPR: reset policy of realm %s is unusable (%s); refusing to remove a last %s", realm.getName(),
                    e.key(), credentialType);
            return false;
        }
        String clientIp = session.getContext().getConnection() == null ? null
                : session.getContext().getConnection().getRemoteAddr();
        MethodContext methods = new MethodContext(session, realm, null, policy, clientIp, null);
        return !SecurityInfo.of(methods, user).removalLeavesTooFew(factor);
    }
}
