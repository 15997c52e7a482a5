package io.github.keycloaksspr.requiredactions;

import java.util.stream.Stream;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.registration.ConfirmationRecord;
import io.github.keycloaksspr.core.registration.RegistrationSettings;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether this sign-in shows the security-info page: the user is in scope and has too few methods, a contact that a
 * permanent refusal marked unreachable, or last confirmed longer ago than the reconfirm period. Evaluated at every sign-in, so it reads the user's attributes and the
 * authentication session first and the user's methods only when they can still change the answer.
 */
final class RegistrationTrigger {

    /** "Not now" holds for this sign-in; the next one asks again. */
    static final String NOTE_SKIPPED = "sspr.register.skipped";

    private RegistrationTrigger() {
    }

    static boolean due(RequiredActionContext context, RegistrationSettings settings, SecurityInfo info) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (SetupHandOff.inProgress(authSession) || authSession.getAuthNote(NOTE_SKIPPED) != null) {
            // Handed off to Keycloak's own setup (the page comes back once it is done), or put off for this sign-in.
            return false;
        }
        if (SetupHandOff.returning(authSession)) {
            return true;
        }
        UserModel user = context.getUser();
        if (info.inScope() && unreachableContact(user)) {
            // A contact that cannot be reached would fail the day it is needed: the user replaces or removes it now.
            return true;
        }
        Long confirmedAt = ConfirmationRecord.confirmedAt(context.getSession(), user).orElse(null);
        if (!settings.requireAtSignIn() && confirmedAt == null) {
            return false;
        }
        return info.inScope() && (settings.requireAtSignIn() && info.missing()
                || settings.reconfirmationDue(confirmedAt, Time.currentTime()));
    }

    static boolean unreachableContact(UserModel user) {
        return Stream.concat(SsprCredentials.mobilePhones(user), SsprCredentials.alternateEmails(user))
                .anyMatch(contact -> ContactHealth.of(contact).isPresent());
    }

    static void skippedForThisSignIn(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE_SKIPPED, "true");
    }
}
