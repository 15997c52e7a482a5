package io.github.keycloaksspr.authenticators.signin;

import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.pass.TemporaryAccessPasses;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.MethodOutcome;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * Signs a user in with the Temporary Access Pass the help desk gave them, in place of a password they forgot or a
 * second factor they lost, and sends them to the security-info page to register new methods, where this sign-in asks
 * no proof of a method they no longer have. A wrong pass is a credential failure for brute-force protection.
 */
public final class SsprTemporaryAccessPassAuthenticator implements Authenticator,
        CredentialValidator<CredentialProvider<?>> {

    static final String TEMPLATE = "sspr-temporary-access-pass.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(CodeChallenges.CODE_FIELD);
        MethodOutcome outcome = TemporaryAccessPasses.use(context.getSession(), context.getUser(), typed);
        if (outcome.status() != MethodOutcome.Status.VERIFIED) {
            context.getEvent().detail(SsprEvents.METHOD, SsprTemporaryAccessPassAuthenticatorFactory.PROVIDER_ID)
                    .detail(SsprEvents.REASON, outcome.reason());
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, outcome.errorKey()));
            return;
        }
        context.getAuthenticationSession().setAuthNote(TemporaryAccessPasses.SIGNED_IN_NOTE,
                Long.toString(Time.currentTime()));
        context.getAuthenticationSession().addRequiredAction(RegistrationEvents.ACTION_ID);
        context.getEvent().detail(SsprEvents.METHOD, SsprTemporaryAccessPassAuthenticatorFactory.PROVIDER_ID);
        context.success();
    }

    private static Response page(AuthenticationFlowContext context, String errorKey) {
        var form = context.form();
        if (errorKey != null) {
            form.addError(new FormMessage(CodeChallenges.CODE_FIELD, errorKey));
        }
        return form.createForm(TEMPLATE);
    }

    /** The pass's credential type: Keycloak orders alternatives by the user's credentials, the pass first. */
    @Override
    public CredentialProvider<?> getCredentialProvider(KeycloakSession session) {
        return session.getProvider(CredentialProvider.class, TemporaryAccessPassCredentialModel.TYPE);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Offered only to a user who holds a live pass. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return TemporaryAccessPasses.live(session, user).isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
