package io.github.keycloaksspr.helpdesk;

import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.credential.ContactSnapshot;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.directory.AccountUnlock;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import io.github.keycloaksspr.core.notice.NoticeOutbox;
import io.github.keycloaksspr.core.notice.SecurityInfoNotices;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What an agent may do for a caller they verified: unlock the account (the directory's and Keycloak's lockout, as the
 * reset's unlock does), remove a method the caller lost (every contact is told), and ask for registration at the next
 * sign-in. Each is an admin event naming the agent.
 */
final class AgentActions {

    /** The methods an agent may remove: the pack's, and Keycloak's second factors. */
    static final Set<String> REMOVABLE = Set.of(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.ALTERNATE_EMAIL,
            SsprCredentialTypes.SECURITY_QUESTIONS, "otp", "webauthn", "webauthn-passwordless");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Agent agent;
    private final UserModel caller;

    AgentActions(KeycloakSession session, RealmModel realm, Agent agent, UserModel caller) {
        this.session = session;
        this.realm = realm;
        this.agent = agent;
        this.caller = caller;
    }

    Response unlock() {
        try {
            AccountUnlock.unlock(session, realm, caller);
        } catch (DirectoryUnavailableException e) {
            return HelpDeskResource.error(Response.Status.SERVICE_UNAVAILABLE, "sspr_directory_unavailable");
        }
        agent.did(session, realm, caller.getId(), HelpDeskEvents.UNLOCK);
        return Response.ok(Map.of("unlocked", true)).build();
    }

    Response removeMethod(String credentialId, SsprPolicy policy, String agentAddress) {
        CredentialModel credential = credentialId == null ? null
                : caller.credentialManager().getStoredCredentialById(credentialId);
        if (credential == null || !REMOVABLE.contains(credential.getType())) {
            return HelpDeskResource.error(Response.Status.NOT_FOUND, "sspr_method_not_found");
        }
        if (HelpDeskRole.privileged(session, realm, policy, caller)
                && !HelpDeskRole.realmAdministrator(realm, agent.auth())) {
            // An administrator's second factor is their account's last line: only a realm administrator takes it away.
            return HelpDeskResource.error(Response.Status.FORBIDDEN, "sspr_realm_admin_required");
        }
        ContactSnapshot.remember(session, caller);
        caller.credentialManager().removeStoredCredentialById(credentialId);
        SecurityInfoNotices.queue(session, realm, caller, SecurityInfoNotices.REMOVED, credential.getType(),
                agentAddress, Time.currentTimeMillis(), policy,
                NoticeOutbox.afterCommitOf(session, NoticeOutbox.Failures.LOG_ONLY));
        agent.event(session, realm, caller.getId(), HelpDeskEvents.REMOVE_METHOD)
                .detail(SsprEvents.METHOD, credential.getType()).success();
        SsprMetrics.helpDesk(realm.getName(), HelpDeskEvents.REMOVE_METHOD, "success");
        return Response.ok(Map.of("removed", credential.getType())).build();
    }

    Response requireRegistration() {
        caller.addRequiredAction(RegistrationEvents.ACTION_ID);
        agent.did(session, realm, caller.getId(), HelpDeskEvents.REQUIRE_REGISTRATION);
        return Response.ok(Map.of("registrationRequired", true)).build();
    }
}
