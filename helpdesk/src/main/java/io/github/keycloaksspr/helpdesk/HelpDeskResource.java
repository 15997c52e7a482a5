package io.github.keycloaksspr.helpdesk;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * {@code /realms/{realm}/sspr-helpdesk/}: the help desk's API for agents (see {@link HelpDeskRole}). A user is found by
 * exact username or email only: the help desk never lists the realm.
 */
public final class HelpDeskResource implements RealmResourceProvider {

    private final KeycloakSession session;

    HelpDeskResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    /** The caller's account, by exact username or email. */
    @GET
    @Path("api/users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response findUser(@QueryParam("username") String name) {
        RealmModel realm = session.getContext().getRealm();
        HelpDeskAccess.requireAgent(session, realm);
        if (name == null || name.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "sspr_name_required");
        }
        Optional<SsprPolicy> policy = ResetPolicyResolver.forRealm(realm, "the help desk cannot show security info");
        if (policy.isEmpty()) {
            return error(Response.Status.CONFLICT, "sspr_invalid_policy");
        }
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(session, realm, name.strip());
        if (user == null || user.getServiceAccountClientLink() != null) {
            return error(Response.Status.NOT_FOUND, "sspr_user_not_found");
        }
        return Response.ok(UserCard.of(session, realm, policy.get(), user).toJson()).build();
    }

    private static Response error(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    @Override
    public void close() {
    }
}
