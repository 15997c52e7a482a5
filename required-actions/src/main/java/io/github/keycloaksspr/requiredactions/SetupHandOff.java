package io.github.keycloaksspr.requiredactions;

import java.util.Arrays;
import java.util.List;

import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Methods Keycloak sets up itself: the page hands off to Keycloak's own required action (QR code, WebAuthn
 * ceremony) and the trigger brings the page back when that action is done.
 */
enum SetupHandOff {

    AUTHENTICATOR_APP("setup-totp", UserModel.RequiredAction.CONFIGURE_TOTP.name(), SsprMethodIds.TOTP,
            Factor.AUTHENTICATOR_APP, "ssprRegisterTotpUnavailable"),
    PASSKEY("setup-passkey", "webauthn-register-passwordless", SsprMethodIds.PASSKEY, Factor.PASSKEY,
            "ssprRegisterPasskeyUnavailable");

    /** Set while Keycloak's own setup action runs, so the page comes back afterwards. */
    static final String NOTE_RETURN = "sspr.register.return";
    /** Epoch ms when the hand-off started: what Keycloak's action creates from then on was set up through the page. */
    static final String NOTE_STARTED_AT = "sspr.register.handOffAt";
    private static final List<String> KEYCLOAK_TYPES = List.of(OTPCredentialModel.TYPE,
            WebAuthnCredentialModel.TYPE_TWOFACTOR, WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    private final String formAction;
    private final String requiredAction;
    private final String methodId;
    private final Factor factor;
    private final String unavailableKey;

    SetupHandOff(String formAction, String requiredAction, String methodId, Factor factor, String unavailableKey) {
        this.formAction = formAction;
        this.requiredAction = requiredAction;
        this.methodId = methodId;
        this.factor = factor;
        this.unavailableKey = unavailableKey;
    }

    static SetupHandOff forFormAction(String action) {
        return Arrays.stream(values()).filter(h -> h.formAction.equals(action)).findFirst().orElse(null);
    }

    /** Whether one of Keycloak's setup actions is still to run in this sign-in. */
    static boolean inProgress(AuthenticationSessionModel authSession) {
        return Arrays.stream(values()).anyMatch(h -> authSession.getRequiredActions().contains(h.requiredAction));
    }

    static boolean returning(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE_RETURN) != null;
    }

    /**
     * Back from Keycloak's setup, which was reached only through the page (and its proof): the app or passkey just
     * created may prove the user in SSPR.
     */
    static void vetWhatWasSetUp(RegistrationStep step) {
        String startedAt = step.authSession().getAuthNote(NOTE_STARTED_AT);
        if (startedAt == null) {
            return;
        }
        UserModel user = step.user();
        KeycloakCredentialVetting.vetCreatedSince(step.context().getSession(), user, KEYCLOAK_TYPES.stream()
                .flatMap(type -> user.credentialManager().getStoredCredentialsByTypeStream(type)),
                Long.parseLong(startedAt), Time.currentTimeMillis());
        step.authSession().removeAuthNote(NOTE_STARTED_AT);
    }

    /** The policy enables the method and the realm has Keycloak's setup action enabled. */
    boolean available(RegistrationStep step) {
        RequiredActionProviderModel action = step.context().getRealm().getRequiredActionProviderByAlias(requiredAction);
        return step.methods().policy().methods().contains(methodId) && action != null && action.isEnabled();
    }

    /** Offered on the page only while the user has none: more are added in the Account Console. */
    boolean offeredTo(RegistrationStep step, SecurityInfo info) {
        return available(step) && !info.factors().contains(factor);
    }

    void start(RegistrationStep step) {
        if (!available(step)) {
            step.page().error(null, unavailableKey).show();
            return;
        }
        ContactRegistration.clearPending(step);
        step.authSession().addRequiredAction(requiredAction);
        step.authSession().setAuthNote(NOTE_RETURN, name());
        step.authSession().setAuthNote(NOTE_STARTED_AT, Long.toString(Time.currentTimeMillis()));
        step.event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(SsprEvents.STEP, RegistrationEvents.HAND_OFF).detail(SsprEvents.SETUP, requiredAction).success();
        step.context().success();
    }
}
