package io.github.keycloaksspr.authenticators.mfa;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.budget.SendFamily;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * A second factor: a code sent to the user's registered mobile phone or alternate email. The code's life (one live code
 * per tab, send budgets, hashed, three wrong answers kill it) is {@link CodeChallenges}'; code length, lifetime and
 * phone rules are the realm's reset policy's, the send budgets are the sign-in codes' own (anonymous reset traffic
 * cannot spend them), with the highest per-address budget. Wrong codes are flow failures with the
 * {@code otp} reference category, so brute-force protection counts them. As a {@link CredentialValidator} of the
 * pack's credential type, Keycloak offers it among ALTERNATIVEs ("try another way") only to users who have that type.
 */
public final class SsprMfaCodeAuthenticator implements Authenticator, CredentialValidator<CredentialProvider<?>> {

    static final String TEMPLATE = "sspr-mfa-code.ftl";
    static final String RESEND = "resend";

    private final MfaChannel channel;

    SsprMfaCodeAuthenticator(MfaChannel channel) {
        this.channel = channel;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        sendAndShow(context);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(RESEND)) {
            sendAndShow(context);
            return;
        }
        UserModel user = context.getUser();
        Optional<String> destination = channel.destination(user);
        if (destination.isEmpty()) {
            failure(context, user, "not_registered");
            context.failure(AuthenticationFlowError.INVALID_CREDENTIALS);
            return;
        }
        MethodOutcome outcome = CodeChallenges.verify(methodContext(context), channel.purpose,
                form.getFirst(CodeChallenges.CODE_FIELD));
        switch (outcome.status()) {
            case VERIFIED -> {
                context.getEvent().detail(SsprEvents.METHOD, channel.providerId);
                context.success();
            }
            case WRONG -> {
                failure(context, user, outcome.reason());
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        page(context, channel.delivery.masked(destination.get()), false)
                                .addError(new FormMessage(CodeChallenges.CODE_FIELD, outcome.errorKey()))
                                .createForm(TEMPLATE));
            }
            case SPENT -> {
                failure(context, user, outcome.reason());
                if (CodeChallenges.DELIVERY_FAILED.equals(outcome.reason())) {
                    // Nothing was guessed: no brute-force failure, and the page offers a new code.
                    context.challenge(page(context, channel.delivery.masked(destination.get()), true)
                            .setError(outcome.errorKey()).createForm(TEMPLATE));
                    return;
                }
                String key = "too_many_wrong_codes".equals(outcome.reason())
                        ? "ssprMfaErrorTooManyWrongCodes" : "ssprMfaErrorCodeExpired";
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        page(context, channel.delivery.masked(destination.get()), true).setError(key).createForm(TEMPLATE));
            }
        }
    }

    /** Sends a code unless this tab already has a live one (a refresh never sends again), then shows the page. */
    private void sendAndShow(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<String> destination = channel.destination(user);
        if (destination.isEmpty()) {
            failure(context, user, "not_registered");
            context.failure(AuthenticationFlowError.INVALID_USER);
            return;
        }
        String hint = channel.delivery.masked(destination.get());
        MethodChallenge challenge = CodeChallenges.challenge(methodContext(context), user, channel.purpose,
                destination.get(), channel.instructionKey, channel.delivery, SendFamily.MFA);
        if (challenge.started()) {
            context.challenge(page(context, hint, false).createForm(TEMPLATE));
        } else {
            failure(context, user, challenge.reason());
            context.challenge(page(context, hint, true).setError(challenge.errorKey(), challenge.errorArgs().toArray())
                    .createForm(TEMPLATE));
        }
    }

    private LoginFormsProvider page(AuthenticationFlowContext context, String hint, boolean resend) {
        return context.form()
                .setAttribute("ssprMfaTitle", channel.titleKey)
                .setAttribute("ssprMfaInstruction", channel.instructionKey)
                .setAttribute("ssprMfaHint", hint)
                .setAttribute("ssprMfaResend", resend);
    }

    private void failure(AuthenticationFlowContext context, UserModel user, String reason) {
        context.getEvent().clone().user(user)
                .detail(SsprEvents.METHOD, channel.providerId)
                .detail(SsprEvents.OUTCOME, "failure")
                .detail(SsprEvents.REASON, reason)
                .error(Errors.INVALID_USER_CREDENTIALS);
    }

    /**
     * The realm's reset policy for what protects every send (phone rules and the realm's phone ceiling, code length and
     * lifetime), except that every user behind one office address signs in with a second factor each day: the
     * per-address budget of the reset flow would lock them out, so sign-in codes get the highest per-address budget;
     * the per-user and per-destination budgets, their own and not the reset flow's, still stop floods.
     */
    private static MethodContext methodContext(AuthenticationFlowContext context) {
        SsprPolicy policy = ResetPolicyResolver.forRealm(context.getRealm(), "sign-in codes use the defaults")
                .orElse(SsprPolicy.DEFAULTS).withSendsPerClientIp(SsprPolicy.MAX_SENDS);
        return new MethodContext(context.getSession(), context.getRealm(), context.getAuthenticationSession(),
                policy, context.getConnection().getRemoteAddr(),
                context.getSession().getContext().resolveLocale(context.getUser()));
    }

    @Override
    public CredentialProvider<?> getCredentialProvider(KeycloakSession session) {
        return session.getProvider(CredentialProvider.class, channel.credentialType);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return channel.destination(user).isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // Registration of the phone or address is the security-info required action's job.
    }

    @Override
    public void close() {
    }
}
