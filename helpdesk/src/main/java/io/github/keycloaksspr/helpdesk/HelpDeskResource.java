package io.github.keycloaksspr.helpdesk;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /realms/{realm}/sspr-helpdesk/}: the help desk's API for agents (see {@link HelpDeskRole}). A user is found by
 * exact username or email only: the help desk never lists the realm.
 */
public final class HelpDeskResource implements RealmResourceProvider {

    private static final int TOO_MANY_REQUESTS = 429;

    private final KeycloakSession session;

    HelpDeskResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    /** The agent's page (anybody may load it; it signs the agent in and holds nothing until then). */
    @GET
    @Path("/")
    @Produces(MediaType.TEXT_HTML)
    public Response page() throws IOException {
        RealmModel realm = session.getContext().getRealm();
        if (!HelpDeskRole.servedIn(realm)) {
            return error(Response.Status.NOT_FOUND, "sspr_no_helpdesk");
        }
        return new HelpDeskPage(session, realm).render();
    }

    /** The caller's account, by exact username or email. */
    @GET
    @Path("api/users")
    @Produces(MediaType.APPLICATION_JSON)
    public Response findUser(@QueryParam("username") String name) {
        RealmModel realm = session.getContext().getRealm();
        Agent agent = requireAgent(realm);
        if (name == null || name.isBlank()) {
            return error(Response.Status.BAD_REQUEST, "sspr_name_required");
        }
        Optional<SsprPolicy> policy = ResetPolicyResolver.forRealm(realm, "the help desk cannot show security info");
        if (policy.isEmpty()) {
            return error(Response.Status.CONFLICT, "sspr_invalid_policy");
        }
        UserModel user = KeycloakModelUtils.findUserByNameOrEmail(session, realm, name.strip());
        if (user == null || user.getServiceAccountClientLink() != null) {
            // A miss is on record too: an agent probing names leaves a trail (never the name typed).
            agent.missed(session, realm);
            return error(Response.Status.NOT_FOUND, "sspr_user_not_found");
        }
        agent.did(session, realm, user.getId(), HelpDeskEvents.LOOKUP);
        return Response.ok(UserCard.of(session, realm, policy.get(), user).toJson()).build();
    }

    /** Where the verification of this caller by this agent stands. */
    @GET
    @Path("api/users/{id}/verification")
    @Produces(MediaType.APPLICATION_JSON)
    public Response verification(@PathParam("id") String userId) {
        return forCaller(userId, (realm, policy, agent, caller) ->
                Response.ok(verification(realm, policy, agent, caller).state()).build());
    }

    /**
     * The agent's next step: {@code method} (send a code to that method, or ask for the app's code), {@code code} (the
     * code the caller read back), or {@code restart}.
     */
    @POST
    @Path("api/users/{id}/verification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response verify(@PathParam("id") String userId, MultivaluedMap<String, String> form) {
        return verify(userId, verification -> {
            if (form.containsKey("restart")) {
                return verification.restart();
            }
            if (form.containsKey("method")) {
                return verification.select(form.getFirst("method"));
            }
            return verification.answer(form);
        }, form.containsKey("restart") || form.containsKey("method") ? null : "answer");
    }

    /**
     * Issues a Temporary Access Pass to the caller this agent verified: form {@code lifetimeMinutes} (10-480, default
     * 60) and {@code multiUse} ({@code true} for multi-use; one-time by default). The pass is in this answer only.
     */
    @POST
    @Path("api/users/{id}/temporary-access-pass")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issuePass(@PathParam("id") String userId, MultivaluedMap<String, String> form) {
        return forVerifiedCaller(userId, (realm, policy, agent, caller) -> TemporaryAccessPasses.issue(session, realm,
                policy, agent, caller, form));
    }

    /** Unlocks the verified caller's account (the directory's and Keycloak's temporary lockout). */
    @POST
    @Path("api/users/{id}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public Response unlock(@PathParam("id") String userId) {
        return forVerifiedCaller(userId, (realm, policy, agent, caller) ->
                new AgentActions(session, realm, agent, caller).unlock());
    }

    /** Removes a method the verified caller lost: form {@code credentialId}; every contact is told. */
    @POST
    @Path("api/users/{id}/remove-method")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response removeMethod(@PathParam("id") String userId, MultivaluedMap<String, String> form) {
        return forVerifiedCaller(userId, (realm, policy, agent, caller) ->
                new AgentActions(session, realm, agent, caller).removeMethod(form.getFirst("credentialId"), policy,
                        session.getContext().getConnection().getRemoteAddr()));
    }

    /** Sends the verified caller to the security-info page at their next sign-in. */
    @POST
    @Path("api/users/{id}/require-registration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response requireRegistration(@PathParam("id") String userId) {
        return forVerifiedCaller(userId, (realm, policy, agent, caller) ->
                new AgentActions(session, realm, agent, caller).requireRegistration());
    }

    /** As {@link #forCaller}, for a caller this agent verified in the last 15 minutes (409 otherwise). */
    private Response forVerifiedCaller(String userId, CallerAction action) {
        return forCaller(userId, (realm, policy, agent, caller) -> verification(realm, policy, agent, caller).verified()
                ? action.apply(realm, policy, agent, caller)
                : error(Response.Status.CONFLICT, "sspr_caller_not_verified"));
    }

    /**
     * One step of the agent's verification, recorded as an admin event. An answer that proved the caller counts as a
     * verification right, one with an error as wrong; a ceiling that stopped a code is 429.
     */
    private Response verify(String userId, Function<CallerVerification, Map<String, Object>> step, String answer) {
        return forCaller(userId, (realm, policy, agent, caller) -> {
            Map<String, Object> next = step.apply(verification(realm, policy, agent, caller));
            Optional<HelpDeskEvents.Ceiling> ceiling = Arrays.stream(HelpDeskEvents.Ceiling.values())
                    .filter(c -> c.id().equals(next.get("ceiling"))).findFirst();
            if (ceiling.isPresent()) {
                agent.stopped(session, realm, caller.getId(), HelpDeskEvents.VERIFICATION, ceiling.get());
                return Response.status(TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON).entity(next).build();
            }
            AdminEventBuilder event = agent.event(session, realm, caller.getId(), HelpDeskEvents.VERIFICATION)
                    .detail(HelpDeskEvents.STATE, String.valueOf(next.get("state")));
            Optional.ofNullable(next.get("method")).ifPresent(method -> event.detail(SsprEvents.METHOD,
                    method.toString()));
            Optional.ofNullable(next.get("error")).ifPresent(error -> event.detail(HelpDeskEvents.ERROR,
                    error.toString()));
            event.success();
            if (answer != null) {
                boolean right = HelpDeskEvents.VERIFIED.equals(next.get("state"));
                if (right || next.containsKey("error")) {
                    SsprMetrics.helpDesk(realm.getName(), HelpDeskEvents.VERIFICATION, right ? "success" : "failure");
                }
            }
            return Response.ok(next).build();
        });
    }

    static Response ceiling(HelpDeskEvents.Ceiling reached) {
        return Response.status(TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", reached.error(), "ceiling", reached.id())).build();
    }

    private CallerVerification verification(RealmModel realm, SsprPolicy policy, Agent agent, UserModel caller) {
        return new CallerVerification(session, realm, policy, agent.user(), caller,
                session.getContext().getConnection().getRemoteAddr());
    }

    /** An action of the agent on a caller found by id: 401/403 for anybody else, 404 for no such user. */
    private Response forCaller(String userId, CallerAction action) {
        RealmModel realm = session.getContext().getRealm();
        Agent agent = requireAgent(realm);
        Optional<SsprPolicy> policy = ResetPolicyResolver.forRealm(realm, "the help desk cannot act on callers");
        if (policy.isEmpty()) {
            return error(Response.Status.CONFLICT, "sspr_invalid_policy");
        }
        UserModel caller = userId == null ? null : session.users().getUserById(realm, userId);
        if (caller == null || caller.getServiceAccountClientLink() != null) {
            return error(Response.Status.NOT_FOUND, "sspr_user_not_found");
        }
        if (caller.getId().equals(agent.user().getId())) {
            // An agent whose account was taken over must not verify or help "themselves".
            return error(Response.Status.FORBIDDEN, "sspr_own_account");
        }
        return action.apply(realm, policy.get(), agent, caller);
    }

    private Agent requireAgent(RealmModel realm) {
        if (!HelpDeskRole.servedIn(realm)) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return HelpDeskAccess.requireAgent(session, realm);
    }

    private interface CallerAction {
        Response apply(RealmModel realm, SsprPolicy policy, Agent agent, UserModel caller);
    }

    static Response error(Response.Status status, String error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    @Override
    public void close() {
    }
}
