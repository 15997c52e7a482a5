package io.github.keycloaksspr.it.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;

/**
 * A realm whose "Forgot password?" runs the SSPR flow, built the way the README tells admins to: a copy of the reset
 * flow with sspr-choose-account, sspr-verify-identity (its config is the policy), sspr-unlock-or-reset and
 * sspr-new-password, bound as the realm's reset-credentials flow.
 */
public final class SsprResetRealm {

    public static final String FLOW_ALIAS = "sspr reset";
    public static final String POLICY_ALIAS = "sspr-policy";
    public static final String CLIENT_ID = "sspr-test-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:8500/callback";

    private SsprResetRealm() {
    }

    /** A reset realm whose users prove one registered mobile phone, with the pack's event listener on. */
    public static RealmBuilder smsOnlyAudited(RealmBuilder realm, String name) {
        return configure(realm.name(name), Map.of(
                "sspr.methods", "sspr-sms",
                "sspr.methods.required", "1",
                "sspr.captcha.difficulty", "1000"))
                .update(rep -> rep.setEventsListeners(List.of("jboss-logging", "sspr")));
    }

    /** The test app's sign-in URL asking Keycloak for the application-initiated action {@code kcAction}. */
    public static String appInitiatedAction(String keycloakBaseUrl, String realm, String kcAction) {
        return keycloakBaseUrl + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + REDIRECT_URI + "&kc_action=" + kcAction;
    }

    public static RealmBuilder configure(RealmBuilder realm, Map<String, String> policy) {
        return realm.resetPasswordAllowed(true).eventsEnabled(true).update(rep -> {
            rep.setBruteForceProtected(true);
            rep.setFailureFactor(30);
            // Tests sign in faster than people: the "quick login" check would lock accounts between two steps.
            rep.setQuickLoginCheckMilliSeconds(1L);
            rep.setAuthenticationFlows(new ArrayList<>(List.of(flow())));
            AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
            config.setAlias(POLICY_ALIAS);
            config.setConfig(withRoomForWrongAnswers(policy));
            rep.setAuthenticatorConfig(new ArrayList<>(List.of(config)));
            rep.setResetCredentialsFlow(FLOW_ALIAS);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT_ID);
            client.setPublicClient(true);
            client.setRedirectUris(List.of(REDIRECT_URI));
            client.setStandardFlowEnabled(true);
            List<ClientRepresentation> clients = rep.getClients() == null ? new ArrayList<>() : new ArrayList<>(rep.getClients());
            clients.add(client);
            rep.setClients(clients);
        });
    }

    /**
     * {@code policy} with every budget and attempt limit at its highest: for benchmarks that play many users, where a
     * limit reached would end the run instead of measuring it.
     */
    public static Map<String, String> withoutLimits(Map<String, String> policy) {
        Map<String, String> config = new HashMap<>(policy);
        config.putAll(Map.of(
                "sspr.budget.sends.per.user", "100",
                "sspr.budget.sends.per.destination", "100",
                "sspr.budget.sends.per.ip", "100",
                "sspr.attempts.per.account", "100",
                "sspr.attempts.per.ip", "100",
                // The realm's SMS ceiling (default 1000 per window) must not bite a longer run either.
                "sspr.budget.phone.per.realm", "100000"));
        return config;
    }

    /**
     * Tests that are not about the attempt ledger make many wrong answers for one account (and all come from
     * 127.0.0.1): unless a test sets its own limits, the ledger gets its highest ones.
     */
    private static Map<String, String> withRoomForWrongAnswers(Map<String, String> policy) {
        Map<String, String> config = new HashMap<>(policy);
        config.putIfAbsent("sspr.attempts.per.account", "100");
        config.putIfAbsent("sspr.attempts.per.ip", "100");
        return config;
    }

    private static AuthenticationFlowRepresentation flow() {
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(FLOW_ALIAS);
        flow.setDescription("Self-service password reset (keycloak-sspr)");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow.setAuthenticationExecutions(List.of(
                execution("sspr-choose-account", 10, null),
                execution("sspr-verify-identity", 20, POLICY_ALIAS),
                execution("sspr-unlock-or-reset", 30, null),
                execution("sspr-new-password", 40, null)));
        return flow;
    }

    private static AuthenticationExecutionExportRepresentation execution(String authenticator, int priority,
                                                                         String config) {
        AuthenticationExecutionExportRepresentation execution = new AuthenticationExecutionExportRepresentation();
        execution.setAuthenticator(authenticator);
        execution.setRequirement("REQUIRED");
        execution.setPriority(priority);
        execution.setAuthenticatorConfig(config);
        execution.setUserSetupAllowed(false);
        execution.setAuthenticatorFlow(false);
        return execution;
    }
}
