package io.github.keycloaksspr.authenticators.verify;

import java.util.Optional;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.flow.SsprPages;
import io.github.keycloaksspr.core.attempts.AttemptLedger;
import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.method.MethodCatalogue;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodPages;
import io.github.keycloaksspr.core.proof.ProofStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * What both runs of one request share: the flow, the methods' context, the flow's notes, the attempt ledger of the
 * run's subject (the account, or the typed name of a decoy) and the pages.
 */
record VerifyRequest(AuthenticationFlowContext flow, MethodContext methods, AttemptLedger ledger,
                     LedgerSubject subject) {

    ResetFlowState state() {
        return new ResetFlowState(flow.getAuthenticationSession());
    }

    MethodCatalogue catalogue() {
        return MethodCatalogue.of();
    }

    EventBuilder event() {
        return SsprEvents.step(flow.getEvent(), ResetStep.VERIFY_IDENTITY);
    }

    /** The method list; its error (a message key) shown when not null. */
    void showMethods(ProofStep.ChooseMethod choose) {
        LoginFormsProvider form = form();
        if (choose.errorKey() != null) {
            form.setError(choose.errorKey(), choose.errorArgs().toArray());
        }
        flow.challenge(MethodPages.selectMethod(form, choose.choices(), choose.step(), choose.of()));
    }

    /** A method's answer page; its error (a message key) shown at the answer field when not null. */
    Response challengePage(ProofStep.AnswerMethod answer) {
        LoginFormsProvider form = form();
        if (answer.errorKey() != null) {
            form.addError(new FormMessage(CodeChallenges.CODE_FIELD, answer.errorKey()));
        }
        return MethodPages.verifyMethod(form, answer.methodId(), answer.challenge(), answer.step(), answer.of());
    }

    /** A page of the step, naming the account as it was typed (the same for an account and a stand-in). */
    private LoginFormsProvider form() {
        return flow.form().setAttribute("ssprAccountName",
                flow.getAuthenticationSession().getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME));
    }

    boolean blocked() {
        return ledger.isBlocked(subject, methods.clientIp());
    }

    /** A slot of the ledger for one answer; empty when the subject or the client address is blocked. */
    Optional<AttemptLedger.Attempt> reserveAttempt() {
        return ledger.reserve(subject, methods.clientIp());
    }

    /** Blocked from SSPR: nothing is checked or sent, and the reset starts over with the one message that says so. */
    void endBlocked() {
        flow.forkWithErrorMessage(new FormMessage(SsprPages.BLOCKED));
    }

    /** Nothing left to try: the one generic ending, real or decoy. */
    void endNotVerified(EventBuilder event) {
        SsprEvents.failure(event, SsprReasons.NO_METHODS_LEFT);
        flow.forkWithErrorMessage(new FormMessage(SsprPages.NOT_VERIFIED));
    }

    /** A method id that is not a choice on the page: a forged or stale post. Say nothing specific. */
    void refuseUnofferedMethod(EventBuilder event, String methodId) {
        SsprEvents.failure(event.detail(SsprEvents.METHOD, String.valueOf(methodId)), SsprReasons.METHOD_NOT_OFFERED);
    }
}
