package io.github.keycloaksspr.helpdesk;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

/**
 * The agent's page signs in through the realm's public OIDC client {@value #CLIENT_ID}: authorization code with PKCE
 * (S256) only, redirects back to the page alone, no direct grants. Created with the realm's default client scopes, as
 * Keycloak creates the Account Console's client; a realm import may bring it (then it is left as it is).
 */
final class HelpDeskClient {

    static final String CLIENT_ID = "sspr-helpdesk";

    private HelpDeskClient() {
    }

    static void ensureIn(KeycloakSession session, RealmModel realm) {
        if (realm.getClientByClientId(CLIENT_ID) != null) {
            return;
        }
        String page = "/realms/" + realm.getName() + "/" + HelpDeskResourceProviderFactory.PROVIDER_ID + "/";
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(CLIENT_ID);
        client.setName("${ssprHelpDeskTitle}");
        client.setDescription("SSPR help desk: the agents' page");
        client.setProtocol("openid-connect");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setRootUrl("${authBaseUrl}");
        client.setBaseUrl(page);
        client.setRedirectUris(List.of(page + "*"));
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
        try {
            ClientManager.createClient(session, realm, client);
        } catch (ModelDuplicateException createdMeanwhile) {
            // another request or node created it first: the same client
        }
    }
}
