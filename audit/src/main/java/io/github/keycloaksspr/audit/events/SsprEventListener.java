package io.github.keycloaksspr.audit.events;

import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.audit.notify.Notifications;
import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Event listener {@code sspr}: every SSPR activity becomes an audit row (in the request's transaction), a metric and,
 * where the activity calls for it, a notification mail (sent after commit).
 */
final class SsprEventListener implements EventListenerProvider {

    private final KeycloakSession session;
    private Notifications notifications;

    SsprEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getRealmId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null || event.getUserId() == null ? null
                : session.users().getUserById(realm, event.getUserId());
        Set<String> verified = verifiedResetMethods(event.getUserId());
        String username = user != null ? user.getUsername()
                : event.getDetails() == null ? null : event.getDetails().get(Details.USERNAME);
        Optional<AuditEntry> pass = HelpDeskActivity.classify(event, username);
        if (pass.isPresent()) {
            new AuditTrail(session).record(pass.get());
            return;
        }
        Optional<AuditEntry> entry = EventClassifier.classify(event, username, !verified.isEmpty(),
                verified.isEmpty() ? null : String.join("+", verified));
        if (entry.isEmpty() || realm == null) {
            return;
        }
        AuditTrail trail = new AuditTrail(session);
        trail.record(entry.get());
        writeback(realm, user, entry.get()).ifPresent(trail::record);
        count(realm, entry.get());
        if (toldByTheRegistrationItself(event, entry.get())) {
            return;
        }
        if (notifications == null) {
            notifications = new Notifications(session);
        }
        notifications.onActivity(realm, user, entry.get());
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AuditTrail trail = new AuditTrail(session);
        PolicyChanges.classify(session, event).ifPresent(trail::record);
        AdminRemovals.classify(session, event).ifPresent(trail::record);
        HelpDeskActivity.classify(session, event).ifPresent(trail::record);
    }

    /**
     * A reset of a user federated from LDAP/AD was also a directory write: the writeback row names the provider. The
     * password event comes after the federation provider accepted (or refused) the new password; a refusal counts
     * only when it was the directory's (its rules, its absence), not Keycloak's own policy or a mistyped form.
     */
    private static Optional<AuditEntry> writeback(RealmModel realm, UserModel user, AuditEntry reset) {
        if (reset.activity() != AuditActivity.RESET || user == null
                || user.getFederationLink() == null) {
            return Optional.empty();
        }
        if (AuditEntry.FAILURE.equals(reset.outcome()) && !AuditVocabulary.isDirectoryRefusal(reset.reason())) {
            return Optional.empty();
        }
        ComponentModel provider = realm.getComponent(user.getFederationLink());
        String name = provider == null ? user.getFederationLink() : provider.getName();
        return Optional.of(new AuditEntry(reset.realmId(), reset.time(), reset.userId(), reset.username(),
                AuditActivity.WRITEBACK, "password", name, reset.outcome(),
                reset.reason(), reset.clientIp()));
    }

    /** The security-info page sends its own notices (also in realms without this listener): never twice. */
    private static boolean toldByTheRegistrationItself(Event event, AuditEntry entry) {
        return entry.activity() == AuditActivity.SECURITY_INFO_CHANGED && event.getDetails() != null
                && RegistrationEvents.ACTION_ID.equals(event.getDetails().get(Details.CUSTOM_REQUIRED_ACTION));
    }

    /** The methods verified in this request's reset flow for this user: non-empty only at the end of a real reset. */
    private Set<String> verifiedResetMethods(String userId) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        if (authSession == null || userId == null) {
            return Set.of();
        }
        return new ResetFlowState(authSession).verifiedMethods(userId);
    }

    private static void count(RealmModel realm, AuditEntry entry) {
        if (AuditEntry.FAILURE.equals(entry.outcome()) && entry.reason() != null) {
            SsprMetrics.failure(realm.getName(), entry.activity().id(), entry.reason());
        }
        switch (entry.activity()) {
            case RESET -> SsprMetrics.reset(realm.getName(), entry.outcome());
            case UNLOCK -> SsprMetrics.unlock(realm.getName());
            case BLOCKED_FROM_SSPR -> {
                if (AuditEntry.FAILURE.equals(entry.outcome())) {
                    SsprMetrics.block(realm.getName(), entry.reason() == null ? "unknown" : entry.reason());
                }
            }
            case FLOW_PROGRESS -> {
                if ("verify-identity".equals(entry.step()) && entry.method() != null) {
                    // A code the budgets refused was never sent: no failed proof, an outcome of its own.
                    boolean refused = AuditEntry.FAILURE.equals(entry.outcome())
                            && SsprReasons.isSendRefusal(entry.reason());
                    SsprMetrics.verification(realm.getName(), entry.method(),
                            refused ? SsprReasons.OUTCOME_REFUSED : entry.outcome());
                }
            }
            default -> {
                // counted in the audit trail only
            }
        }
    }


    @Override
    public void close() {
    }
}
