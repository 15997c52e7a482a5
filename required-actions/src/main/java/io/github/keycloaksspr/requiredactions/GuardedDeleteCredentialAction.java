package io.github.keycloaksspr.requiredactions;

import java.net.URI;
import java.util.Set;

import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.keycloak.KeycloakOverrides;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.guard.RemovalGuard;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.DeleteCredentialAction;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's {@code delete_credential} (the Account Console's "Remove", {@code kc_action=delete_credential:<id>})
 * under its own id, ahead of the built-in one: for a method of SSPR (the pack's, an authenticator app, a security key,
 * a passkey) while the security-info page is where this user removes methods, it removes nothing and leads to that
 * page, where removal needs proof of another method. Anything else is Keycloak's own action unchanged.
 */
public final class GuardedDeleteCredentialAction extends DeleteCredentialAction {

    static final Set<String> METHOD_TYPES = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS, SsprCredentialTypes.MOBILE_PHONE,
            SsprCredentialTypes.ALTERNATE_EMAIL, SsprCredentialTypes.SECURITY_QUESTIONS);
    static final String MESSAGE = "ssprRemoveOnSecurityInfoPage";

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (removedOnTheSecurityInfoPage(context)) {
            pointToTheSecurityInfoPage(context);
            return;
        }
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (removedOnTheSecurityInfoPage(context)) {
            pointToTheSecurityInfoPage(context);
            return;
        }
        super.processAction(context);
    }

    @Override
    public int order() {
        return KeycloakOverrides.ORDER;
    }

    private boolean removedOnTheSecurityInfoPage(RequiredActionContext context) {
        String type = getCredentialType(context.getSession(), context.getAuthenticationSession());
        RemovalGuard guard = context.getSession().getProvider(RemovalGuard.class);
        return type != null && METHOD_TYPES.contains(type) && guard != null
                && !guard.removableOutsideTheSecurityInfoPage(context.getUser());
    }

    private void pointToTheSecurityInfoPage(RequiredActionContext context) {
        String type = getCredentialType(context.getSession(), context.getAuthenticationSession());
        context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL).detail(Details.CREDENTIAL_TYPE, type)
                .detail(SsprEvents.REASON, "security_info_page").error(RegistrationEvents.REMOVE_REFUSED);
        context.challenge(context.form()
                .setAttribute("actionUri", securityInfoPage(context).toString())
                .setInfo(MESSAGE)
                .createInfoPage());
    }

    /** The security-info page for the same application, as the Account Console's "Set up" opens it. */
    private static URI securityInfoPage(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        return OIDCLoginProtocolService.authUrl(context.getUriInfo().getBaseUriBuilder())
                .queryParam("client_id", authSession.getClient().getClientId())
                .queryParam("redirect_uri", authSession.getRedirectUri())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("kc_action", RegisterSecurityInfoAction.PROVIDER_ID)
                .build(context.getRealm().getName());
    }
}
