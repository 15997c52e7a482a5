package io.github.keycloaksspr.it.support;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;

/**
 * A realm whose browser flow is a copy of Keycloak's default with a second factor after the password, built the way
 * the README tells admins to: cookie or (password, then REQUIRED sub-flow "second factor" with the ALTERNATIVEs
 * sspr-sms-otp and sspr-email-otp), bound as the realm's browser flow. A user gets the first alternative they have
 * registered; "Try another way" offers the other.
 */
public final class SsprMfaRealm {

    public static final String FLOW_ALIAS = "sspr browser";
    public static final String CLIENT_ID = SsprResetRealm.CLIENT_ID;
    public static final String REDIRECT_URI = SsprResetRealm.REDIRECT_URI;

    private SsprMfaRealm() {
    }

    /**
     * Adds the MFA browser flow to a realm already set up for resets ({@link SsprResetRealm#configure}): its flows
     * and its client stay.
     */
    public static RealmBuilder addTo(RealmBuilder resetRealm) {
        return resetRealm.update(rep -> {
            List<AuthenticationFlowRepresentation> flows = new ArrayList<>(rep.getAuthenticationFlows());
            flows.addAll(flows());
            rep.setAuthenticationFlows(flows);
            rep.setBrowserFlow(FLOW_ALIAS);
        });
    }

    /**
     * As {@link #addTo}, with the second factor CONDITIONAL on <i>Condition - user configured</i> (as the demo realm
     * has it): users without a phone or alternate address sign in with the password alone.
     */
    public static RealmBuilder addConditionallyTo(RealmBuilder resetRealm) {
        return resetRealm.update(rep -> {
            List<AuthenticationFlowRepresentation> flows = new ArrayList<>(rep.getAuthenticationFlows());
            flows.addAll(flows("CONDITIONAL", Flows.execution("conditional-user-configured", "REQUIRED", 5)));
            rep.setAuthenticationFlows(flows);
            rep.setBrowserFlow(FLOW_ALIAS);
        });
    }

    private static List<AuthenticationFlowRepresentation> flows() {
        return flows("REQUIRED", null);
    }

    private static List<AuthenticationFlowRepresentation> flows(String secondFactor,
                                                                AuthenticationExecutionExportRepresentation condition) {
        List<AuthenticationExecutionExportRepresentation> factors = new ArrayList<>();
        if (condition != null) {
            factors.add(condition);
        }
        factors.add(Flows.execution("sspr-sms-otp", "ALTERNATIVE", 10));
        factors.add(Flows.execution("sspr-email-otp", "ALTERNATIVE", 20));
        return List.of(
                Flows.flow(FLOW_ALIAS, "basic-flow", true,
                        Flows.execution("auth-cookie", "ALTERNATIVE", 10),
                        Flows.subflow(FLOW_ALIAS + " forms", "ALTERNATIVE", 20)),
                Flows.flow(FLOW_ALIAS + " forms", "basic-flow", false,
                        Flows.execution("auth-username-password-form", "REQUIRED", 10),
                        Flows.subflow(FLOW_ALIAS + " second factor", secondFactor, 20)),
                Flows.flow(FLOW_ALIAS + " second factor", "basic-flow", false,
                        factors.toArray(new AuthenticationExecutionExportRepresentation[0])));
    }

    public static RealmBuilder configure(RealmBuilder realm) {
        return realm.eventsEnabled(true).update(rep -> {
            rep.setBruteForceProtected(true);
            rep.setFailureFactor(30);
            rep.setQuickLoginCheckMilliSeconds(1L);
            rep.setAuthenticationFlows(new ArrayList<>(flows()));
            rep.setBrowserFlow(FLOW_ALIAS);
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

    /** The URL an application sends the browser to for signing in. */
    public static String loginUrl(String base, String realm) {
        return base + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + REDIRECT_URI;
    }
}
