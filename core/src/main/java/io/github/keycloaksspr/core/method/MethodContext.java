package io.github.keycloaksspr.core.method;

import java.util.Locale;

import io.github.keycloaksspr.core.budget.SendFamily;
import io.github.keycloaksspr.core.code.NoteStore;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What a method may use during one request of the reset flow, or of a signed-in user's page.
 *
 * @param sends whose send budgets a code draws on: the anonymous reset's, or the signed-in owner's
 * @param notes where codes are kept: the authentication session's notes, or (the help desk) the cluster's store
 */
public record MethodContext(
        KeycloakSession session,
        RealmModel realm,
        AuthenticationSessionModel authSession,
        SsprPolicy policy,
        String clientIp,
        Locale locale,
        SendFamily sends,
        NoteStore notes) {

    /** A context whose codes live in the authentication session. */
    public MethodContext(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                         SsprPolicy policy, String clientIp, Locale locale, SendFamily sends) {
        this(session, realm, authSession, policy, clientIp, locale, sends,
                authSession == null ? null : NoteStore.authNotesOf(authSession));
    }

    /** A context of the anonymous reset flow. */
    public MethodContext(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                         SsprPolicy policy, String clientIp, Locale locale) {
        this(session, realm, authSession, policy, clientIp, locale, SendFamily.RESET);
    }

    /**
     * The same, for a user signed in with the password: codes draw on the signed-in owner's budgets, which anonymous
     * "Forgot password?" traffic cannot spend.
     */
    public MethodContext signedIn() {
        return new MethodContext(session, realm, authSession, policy, clientIp, locale, SendFamily.SIGNED_IN, notes);
    }
}
