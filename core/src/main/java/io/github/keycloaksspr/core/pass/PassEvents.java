package io.github.keycloaksspr.core.pass;

import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.events.HelpDeskEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.metrics.SsprMetrics;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A pass's end of life as its holder's event and a count: used ({@code UPDATE_CREDENTIAL}, or
 * {@code REMOVE_CREDENTIAL} for a one-time pass, which goes with its use) or expired ({@code REMOVE_CREDENTIAL}),
 * naming the agent who issued it, so that the audit trail follows each pass from its agent to its end.
 */
final class PassEvents {

    private PassEvents() {
    }

    static void used(KeycloakSession session, UserModel user, TemporaryAccessPassCredentialModel pass) {
        record(session, user, pass, pass.oneTime() ? EventType.REMOVE_CREDENTIAL : EventType.UPDATE_CREDENTIAL,
                HelpDeskEvents.PASS_USED);
    }

    static void expired(KeycloakSession session, UserModel user, TemporaryAccessPassCredentialModel pass) {
        record(session, user, pass, EventType.REMOVE_CREDENTIAL, HelpDeskEvents.PASS_EXPIRED);
    }

    private static void record(KeycloakSession session, UserModel user, TemporaryAccessPassCredentialModel pass,
                               EventType type, String step) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || session.getContext().getConnection() == null) {
            return;
        }
        new EventBuilder(realm, session, session.getContext().getConnection()).event(type).user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(Details.CREDENTIAL_TYPE, TemporaryAccessPassCredentialModel.TYPE)
                .detail(SsprEvents.STEP, step).detail(HelpDeskEvents.AGENT, pass.issuedBy()).success();
        SsprMetrics.helpDesk(realm.getName(), step, "success");
    }
}
