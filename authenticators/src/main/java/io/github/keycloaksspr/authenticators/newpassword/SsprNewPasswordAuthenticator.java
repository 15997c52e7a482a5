package io.github.keycloaksspr.authenticators.newpassword;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.authenticators.flow.SsprFlowStep;
import io.github.keycloaksspr.authenticators.flow.VerifiedReset;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.flow.ResetFlowState;
import io.github.keycloaksspr.core.notice.ResetNotices;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.messages.Messages;
import org.keycloak.services.validation.Validation;

/**
 * Sets the new password at the end of a verified reset, on Keycloak's own password page. Unlike Keycloak's
 * {@code reset-password} (which defers to the generic UPDATE_PASSWORD action) it re-checks the identity proof and,
 * when the user's directory refuses the password, tells the user which of its rules was broken — or that the directory
 * is unreachable — with nothing changed in either store. Events are Keycloak's own UPDATE_CREDENTIAL ones, so audit and
 * reports treat both paths alike.
 */
public final class SsprNewPasswordAuthenticator extends SsprFlowStep {

    static final ResetStep STEP = ResetStep.NEW_PASSWORD;
    static final String FIELD_NEW = "password-new";
    static final String FIELD_CONFIRM = "password-confirm";
    static final String FIELD_LOGOUT = "logout-sessions";
    static final String PASSWORD_CHANGED = "ssprPasswordChangedSignIn";
    static final String PAGE = "sspr-new-password.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (VerifiedReset.check(context, STEP).isPresent()) {
            context.challenge(page(context, context.form()));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (VerifiedReset.check(context, STEP).isEmpty()) {
            return;
        }
        UserModel user = context.getUser();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst(FIELD_NEW);
        // The verified methods travel in the event: error events reach listeners in a session of their own.
        EventBuilder event = SsprEvents.step(context.getEvent(), STEP).event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PasswordCredentialModel.PASSWORD).user(user)
                .detail(SsprEvents.METHOD, String.join("+",
                        new ResetFlowState(context.getAuthenticationSession()).verifiedMethods(user.getId())));

        if (Validation.isBlank(password)) {
            refuse(context, event, Errors.PASSWORD_MISSING, null,
                    new FormMessage(Validation.FIELD_PASSWORD, Messages.MISSING_PASSWORD));
            return;
        }
        if (!password.equals(form.getFirst(FIELD_CONFIRM))) {
            refuse(context, event, Errors.PASSWORD_CONFIRM_ERROR, null,
                    new FormMessage(Validation.FIELD_PASSWORD_CONFIRM, Messages.NOTMATCH_PASSWORD));
            return;
        }
        try {
            requirePasswordPolicyOfFederatedUser(context, user, password);
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (RuntimeException e) {
            // ModelException (a policy, AD's answer), StorageUnavailableException (AD away), a timeout: explained.
            PasswordRefusal refusal = PasswordRefusal.of(context.getSession(), context.getRealm(), user, password, e);
            if (refusal.directoryError() != null) {
                event.detail(SsprEvents.DIRECTORY_ERROR, refusal.directoryError());
            }
            if (refusal.bannedRule() != null) {
                event.detail(SsprEvents.BANNED_RULE, refusal.bannedRule());
            }
            refuse(context, event, Errors.PASSWORD_REJECTED, refusal.reason(), refusal.message());
            return;
        }
        if (user.getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals)) {
            user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        context.getAuthenticationSession().removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        if ("on".equals(form.getFirst(FIELD_LOGOUT))) {
            OtherSessions.logOut(context);
        }
        event.detail(SsprEvents.OUTCOME, "password_set").success();
        event.clone().event(EventType.UPDATE_PASSWORD).success();
        // The one RESET_PASSWORD success of this reset; its steps were SEND_RESET_PASSWORD.
        SsprEvents.success(event.clone(), "password_set");
        ResetNotices.fromTheFlow(context.getSession(), context.getRealm(), user, ResetNotices.RESET,
                context.getConnection().getRemoteAddr(), Time.currentTimeMillis());
        if (BrowserFlowDemand.asksMoreThanPassword(context, user)) {
            // The proofs of a reset are not the realm's second factor: the user signs in through the browser flow,
            // which asks it. As a finished sign-in would, the reset forgets the login failures (its wrong codes too).
            forgetLoginFailures(context, user);
            context.forkWithSuccessMessage(new FormMessage(PASSWORD_CHANGED));
            return;
        }
        // As Keycloak's reset-password: a password credential in this flow makes the final login forget the user's
        // login failures (a temporary lockout, and the wrong codes of this reset).
        context.success(PasswordCredentialModel.TYPE);
    }

    private static void forgetLoginFailures(AuthenticationFlowContext context, UserModel user) {
        if (context.getSession().loginFailures().getUserLoginFailure(context.getRealm(), user.getId()) != null) {
            context.getSession().loginFailures().removeUserLoginFailure(context.getRealm(), user.getId());
        }
    }

    /**
     * Keycloak checks the realm's password policy before it stores a local password, but before it writes one to a
     * federated directory only where that provider's "Validate password policy" is on (off by default): a reset
     * must not let a password into AD that the realm's policy refuses (a banned one, say), so it checks itself.
     */
    private static void requirePasswordPolicyOfFederatedUser(AuthenticationFlowContext context, UserModel user,
                                                           String password) {
        if (user.getFederationLink() == null) {
            return;
        }
        PolicyError refusal = context.getSession().getProvider(PasswordPolicyManagerProvider.class)
                .validate(context.getRealm(), user, password);
        if (refusal != null) {
            throw new ModelException(refusal.getMessage(), refusal.getParameters());
        }
    }

    /** The page again with the message; the event says why (audit reason in {@code sspr_reason}). */
    private static void refuse(AuthenticationFlowContext context, EventBuilder event, String error, String reason,
                               FormMessage message) {
        EventBuilder failure = event.clone().event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(SsprEvents.OUTCOME, SsprEvents.OUTCOME_FAILURE).detail(Details.REASON, message.getMessage());
        if (reason != null) {
            failure.detail(SsprEvents.REASON, reason);
        }
        failure.clone().event(EventType.UPDATE_PASSWORD_ERROR).error(error);
        failure.error(error);
        LoginFormsProvider form = context.form();
        if (message.getField() == null) {
            form.setError(message.getMessage(), message.getParameters());
        } else {
            form.addError(message);
        }
        context.challenge(page(context, form));
    }

    /**
     * The new-password page: a reset the user chose, named by the account as they typed it (Keycloak's own page would
     * say "You need to change your password"), with "Sign out from other devices" ticked.
     */
    private static Response page(AuthenticationFlowContext context, LoginFormsProvider form) {
        String typed = context.getAuthenticationSession()
                .getAuthNote(AbstractUsernameFormAuthenticator.ATTEMPTED_USERNAME);
        return form.setAttribute("username", context.getUser().getUsername())
                .setAttribute("ssprAccountName", typed != null ? typed : context.getUser().getUsername())
                .createForm(PAGE);
    }
}
