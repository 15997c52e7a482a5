package io.github.keycloaksspr.audit.events;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The help desk's audit rows ({@code help_desk}): every action of an agent (its admin event), and every pass the help
 * desk issued that was used or ran out (its holder's event). The row is the caller's; its reason names the agent
 * ({@code agent <username>}), so that insights count by agent from the daily counts alone.
 */
final class HelpDeskActivity {

    /** A verification step that sent a code or asked for the app's. */
    static final String CHALLENGE = "challenge";
    /** An outcome of its own: a ceiling stopped the action before anything was sent or issued. */
    static final String REFUSED = "refused";

    private static final Pattern USER = Pattern.compile("^users/([^/]+)$");

    private HelpDeskActivity() {
    }

    /** An agent's action: its step, the method it concerned (or the ceiling that stopped it), its outcome. */
    static Optional<AuditEntry> classify(KeycloakSession session, AdminEvent event) {
        if (!HelpDeskEvents.RESOURCE.equals(event.getResourceTypeAsString()) || event.getRealmId() == null
                || event.getResourcePath() == null) {
            return Optional.empty();
        }
        Matcher user = USER.matcher(event.getResourcePath());
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        boolean miss = "users".equals(event.getResourcePath());
        if (!user.matches() && !miss || realm == null) {
            return Optional.empty();
        }
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        String action = details.getOrDefault(SsprEvents.ACTION, "unknown");
        String step = action;
        String method = details.get(SsprEvents.METHOD);
        String outcome = AuditEntry.SUCCESS;
        if (miss) {
            outcome = AuditEntry.FAILURE; // no account has the name the agent typed
        } else if (details.containsKey(HelpDeskEvents.CEILING)) {
            method = details.get(HelpDeskEvents.CEILING);
            outcome = REFUSED;
        } else if (HelpDeskEvents.VERIFICATION.equals(action)) {
            String state = details.get(HelpDeskEvents.STATE);
            if (HelpDeskEvents.VERIFIED.equals(state)) {
                step = HelpDeskEvents.VERIFIED;
            } else if (details.containsKey(HelpDeskEvents.ERROR)) {
                outcome = AuditEntry.FAILURE;
            } else if ("answer".equals(state)) {
                step = CHALLENGE;
            }
        }
        String callerId = miss ? null : user.group(1);
        UserModel caller = callerId == null ? null : session.users().getUserById(realm, callerId);
        String agent = PolicyChanges.adminName(session, event,
                event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId());
        return Optional.of(new AuditEntry(event.getRealmId(), event.getTime(), callerId,
                caller == null ? null : caller.getUsername(), AuditActivity.HELP_DESK, step, method, outcome,
                agent == null ? null : AuditVocabulary.AGENT_PREFIX + agent,
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress()));
    }

    /** A pass used or expired: its holder's event, naming the agent who issued it. */
    static Optional<AuditEntry> classify(Event event, String username) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        if (!TemporaryAccessPassCredentialModel.TYPE.equals(details.get(Details.CREDENTIAL_TYPE))) {
            return Optional.empty();
        }
        String step = details.get(SsprEvents.STEP);
        if (!HelpDeskEvents.PASS_USED.equals(step) && !HelpDeskEvents.PASS_EXPIRED.equals(step)) {
            return Optional.empty();
        }
        String agent = details.get(HelpDeskEvents.AGENT);
        return Optional.of(new AuditEntry(event.getRealmId(), event.getTime(), event.getUserId(), username,
                AuditActivity.HELP_DESK, step, TemporaryAccessPassCredentialModel.TYPE, AuditEntry.SUCCESS,
                agent == null ? null : AuditVocabulary.AGENT_PREFIX + agent, event.getIpAddress()));
    }
}
