package io.github.keycloaksspr.helpdesk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.managers.ClientManager;

/**
 * The agent's page signs in through the realm's public OIDC client {@value #CLIENT_ID}: authorization code with PKCE
 * (S256) only, redirects back to the page alone, no direct grants, and only the help desk's roles in its tokens. Created with the realm's default client scopes, as
 * Keycloak creates the Account Console's client; a realm import may bring it (then it is left as it is).
 */
final class HelpDeskClient {

    static final String CLIENT_ID = "sspr-helpdesk";

    private HelpDeskClient() {
    }

    static void ensureIn(KeycloakSession session, RealmModel realm) {
        if (!HelpDeskRole.servedIn(realm) || realm.getClientByClientId(CLIENT_ID) != null) {
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
        client.setRedirectUris(List.of(page));
        // The page's tokens carry the help desk's roles only, not every role of a realm administrator who uses it.
        client.setFullScopeAllowed(false);
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "post.logout.redirect.uris", "+"));
        try {
            ClientModel created = ClientManager.createClient(session, realm, client);
            Optional.ofNullable(realm.getRole(HelpDeskRole.NAME)).ifPresent(created::addScopeMapping);
            Optional.ofNullable(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID)).ifPresent(management ->
                    Stream.of(AdminRoles.MANAGE_USERS, AdminRoles.REALM_ADMIN).map(management::getRole)
                            .filter(java.util.Objects::nonNull).forEach(created::addScopeMapping));
        } catch (ModelDuplicateException createdMeanwhile) {
            // another node created it first at start-up: the same client
        }
    }
}
