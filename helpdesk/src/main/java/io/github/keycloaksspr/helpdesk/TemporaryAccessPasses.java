package io.github.keycloaksspr.helpdesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.notice.HelpDeskNotices;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The agent issues a Temporary Access Pass to a caller they verified: random, shown to the agent once, stored hashed,
 * for 10 minutes to 8 hours (default 1 hour), one-time unless the agent asks for multi-use. It replaces any earlier
 * pass of the user. A pass for an administrator (the reset policy's definition) or for an agent needs a realm
 * administrator; a guest, who signs in at their home organisation, gets none.
 */
final class TemporaryAccessPasses {

    private TemporaryAccessPasses() {
    }

    /** Issues the pass; the caller is one the agent verified. */
    static Response issue(KeycloakSession session, RealmModel realm, SsprPolicy policy, Agent agent, UserModel caller,
                          MultivaluedMap<String, String> form) {
        if (HelpDeskRole.privileged(session, realm, policy, caller)
                && !HelpDeskRole.realmAdministrator(realm, agent.auth())) {
            return HelpDeskResource.error(Response.Status.FORBIDDEN, "sspr_realm_admin_required");
        }
        if (new ResetAudience(session, realm, policy).guestHomeProvider(caller).isPresent()) {
            // A pass would be a local sign-in around the home organisation's own (its MFA, its offboarding).
            return HelpDeskResource.error(Response.Status.FORBIDDEN, "sspr_guest_account");
        }
        int lifetime;
        try {
            String asked = form.getFirst("lifetimeMinutes");
            lifetime = asked == null || asked.isBlank() ? TemporaryAccessPassCredentialModel.DEFAULT_LIFETIME_MINUTES
                    : Integer.parseInt(asked.strip());
        } catch (NumberFormatException e) {
            return HelpDeskResource.error(Response.Status.BAD_REQUEST, "sspr_invalid_lifetime");
        }
        if (lifetime < TemporaryAccessPassCredentialModel.MIN_LIFETIME_MINUTES
                || lifetime > TemporaryAccessPassCredentialModel.MAX_LIFETIME_MINUTES) {
            return HelpDeskResource.error(Response.Status.BAD_REQUEST, "sspr_invalid_lifetime");
        }
        boolean oneTime = !"true".equalsIgnoreCase(form.getFirst("multiUse"));
        Optional<HelpDeskEvents.Ceiling> reached = new HelpDeskCeilings(session, realm, policy.helpDesk(),
                agent.user()).chargePass();
        if (reached.isPresent()) {
            agent.stopped(session, realm, caller.getId(), HelpDeskEvents.PASS_ISSUED, reached.get());
            return HelpDeskResource.ceiling(reached.get());
        }
        TemporaryAccessPassCredentialModel.Issued issued = TemporaryAccessPassCredentialModel.issue(lifetime, oneTime,
                agent.user().getUsername());
        List<String> earlier = caller.credentialManager()
                .getStoredCredentialsByTypeStream(TemporaryAccessPassCredentialModel.TYPE).map(CredentialModel::getId)
                .toList();
        earlier.forEach(caller.credentialManager()::removeStoredCredentialById);
        CredentialModel stored = caller.credentialManager().createStoredCredential(issued.credential());
        // First among the user's credentials: a sign-in flow that offers the pass beside the password shows it first.
        caller.credentialManager().moveStoredCredentialTo(stored.getId(), null);
        HelpDeskNotices.queuePassIssued(session, realm, caller, session.getContext().getConnection().getRemoteAddr(),
                Time.currentTimeMillis(), policy);
        agent.event(session, realm, caller.getId(), HelpDeskEvents.PASS_ISSUED)
                .detail("sspr_lifetime_minutes", Integer.toString(lifetime))
                .detail("sspr_one_time", Boolean.toString(oneTime)).success();
        SsprMetrics.helpDesk(realm.getName(), HelpDeskEvents.PASS_ISSUED, "success");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pass", issued.pass());
        json.put("expiresAt", issued.credential().expiresAt());
        json.put("oneTime", oneTime);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(json, MediaType.APPLICATION_JSON).cacheControl(noStore).build();
    }
}
