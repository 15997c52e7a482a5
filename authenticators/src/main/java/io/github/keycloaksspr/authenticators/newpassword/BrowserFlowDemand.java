package io.github.keycloaksspr.authenticators.newpassword;

import java.util.List;
import java.util.Set;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.AuthenticationFlowResolver;

/**
 * Whether the browser flow would ask this user for more than the password. A reset that ended signed in would
 * otherwise hand out a session that skipped the realm's second factor (an authenticator app, a passkey, the pack's
 * SMS or email code). The reading is deliberately cautious: anything it does not know to be a first factor counts as
 * more, except inside a sub-flow that runs only for users who have one of its steps configured ("Condition - user
 * configured", as in Keycloak's default "Browser - Conditional 2FA") and that this user has nothing configured for.
 */
final class BrowserFlowDemand {

    /** Steps that identify the user by the password (or an existing session) and ask nothing else. */
    private static final Set<String> FIRST_FACTORS = Set.of("auth-cookie", "identity-provider-redirector",
            "auth-username-password-form", "auth-username-form", "auth-password-form", "organization");
    private static final String USER_CONFIGURED = "conditional-user-configured";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;

    private BrowserFlowDemand(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
    }

    /** Whether the browser flow that this sign-in would run (the client's override or the realm's) asks more. */
    static boolean asksMoreThanPassword(AuthenticationFlowContext context, UserModel user) {
        AuthenticationFlowModel browser = AuthenticationFlowResolver.resolveBrowserFlow(context.getAuthenticationSession());
        return browser == null || asksMoreThanPassword(context.getSession(), context.getRealm(), user, browser.getId());
    }

    /** Whether the flow {@code flowId} asks {@code user} for more than the password. */
    static boolean asksMoreThanPassword(KeycloakSession session, RealmModel realm, UserModel user, String flowId) {
        return new BrowserFlowDemand(session, realm, user).asksMore(flowId);
    }

    private boolean asksMore(String flowId) {
        for (AuthenticationExecutionModel execution : executions(flowId)) {
            if (execution.isAuthenticatorFlow()) {
                if (asksMoreInSubFlow(execution)) {
                    return true;
                }
            } else if (!isCondition(execution) && !FIRST_FACTORS.contains(execution.getAuthenticator())) {
                return true;
            }
        }
        return false;
    }

    private boolean asksMoreInSubFlow(AuthenticationExecutionModel subFlow) {
        if (!asksMore(subFlow.getFlowId())) {
            return false;
        }
        if (!subFlow.isConditional()) {
            return true;
        }
        // A sub-flow's conditions must all hold for it to run: with "user configured" among them it never runs for a
        // user who has none of its steps, whatever the others say (Keycloak's default adds "Condition - credential").
        boolean onlyForConfiguredUsers = executions(subFlow.getFlowId()).stream().filter(this::isCondition)
                .anyMatch(condition -> USER_CONFIGURED.equals(condition.getAuthenticator()));
        return !onlyForConfiguredUsers || configuredForAny(subFlow.getFlowId());
    }

    private boolean configuredForAny(String flowId) {
        for (AuthenticationExecutionModel execution : executions(flowId)) {
            if (execution.isAuthenticatorFlow() ? configuredForAny(execution.getFlowId())
                    : !isCondition(execution) && configured(execution)) {
                return true;
            }
        }
        return false;
    }

    private boolean configured(AuthenticationExecutionModel execution) {
        AuthenticatorFactory factory = factory(execution);
        if (factory == null) {
            return true;
        }
        Authenticator authenticator = factory.create(session);
        try {
            return !authenticator.requiresUser() || authenticator.configuredFor(session, realm, user);
        } finally {
            authenticator.close();
        }
    }

    private boolean isCondition(AuthenticationExecutionModel execution) {
        return !execution.isAuthenticatorFlow() && factory(execution) instanceof ConditionalAuthenticatorFactory;
    }

    private AuthenticatorFactory factory(AuthenticationExecutionModel execution) {
        return (AuthenticatorFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(Authenticator.class, execution.getAuthenticator());
    }

    private List<AuthenticationExecutionModel> executions(String flowId) {
        return realm.getAuthenticationExecutionsStream(flowId)
                .filter(execution -> !execution.isDisabled())
                .toList();
    }
}
