package io.github.keycloaksspr.authenticators.methods;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedMap;

import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.decoy.StandInSeed;
import io.github.keycloaksspr.core.flow.MethodTries;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.PasskeyRequest;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.WebAuthnConstants;
import org.keycloak.common.util.Base64Url;
import org.keycloak.common.util.UriUtils;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.WebAuthnCredentialModelInput;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * One of the user's registered WebAuthn credentials: Keycloak's passkeys ({@code webauthn-passwordless}) and its
 * second-factor security keys ({@code webauthn}). Nothing is sent: the browser signs a fresh challenge and Keycloak's
 * own WebAuthn credential providers verify the assertion, as {@code WebAuthnAuthenticator} does at sign-in.
 */
public final class PasskeyMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodPasskeyInstruction";
    /** Base64url challenge of the page on screen; removed by the first answer (single use). Not Keycloak's own note. */
    static final String CHALLENGE_NOTE = "sspr.passkey.challenge";
    /** Passkeys first: their policy decides the page's options when the user has one. */
    private static final List<Integer> CREDENTIAL_ID_LENGTHS = List.of(16, 16, 20, 32, 64);
    private static final String NO_AAGUID = "00000000-0000-0000-0000-000000000000";
    private static final List<String> TYPES = List.of(WebAuthnCredentialModel.TYPE_PASSWORDLESS,
            WebAuthnCredentialModel.TYPE_TWOFACTOR);

    @Override
    public String id() {
        return SsprMethodIds.PASSKEY;
    }

    @Override
    public Factor factor() {
        return Factor.PASSKEY;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.keycloakCredentials(TYPES);
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return credentials(context, user).findAny().isPresent();
    }

    /** None: a label the user typed ("Jane's YubiKey") would tell a stranger who owns the account. */
    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return "";
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        String type = credentials(context, user).map(CredentialModel::getType).findFirst().orElseThrow();
        WebAuthnPolicy policy = policy(context, type);
        String rpId = rpId(context, policy);
        // Credentials of a type whose policy names another relying party cannot answer on this page.
        List<CredentialModel> usable = credentials(context, user)
                .filter(c -> rpId.equals(rpId(context, policy(context, c.getType())))).toList();
        boolean uvRequired = usable.stream().anyMatch(c -> userVerificationRequired(policy(context, c.getType())));
        List<String> allow = usable.stream().map(PasskeyMethod::credentialId).toList();
        String challenge = Base64Url.encode(new DefaultChallenge().getValue());
        context.authSession().setAuthNote(CHALLENGE_NOTE, challenge);
        return MethodChallenge.passkey(INSTRUCTION, new PasskeyRequest(challenge, rpId, allow,
                uvRequired ? Constants.WEBAUTHN_POLICY_OPTION_REQUIRED : policy.getUserVerificationRequirement(),
                policy.getCreateTimeout()));
    }

    /**
     * One or two keys of the lengths authenticators use (16 bytes for synced passkeys, 20 Apple, 32 Windows Hello,
     * 64 security keys): their ids appear on the page as a registered user's would.
     */
    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        StandInSeed seed = standIn.seed(id());
        int keys = seed.chance(80) ? 1 : 2;
        for (int i = 0; i < keys; i++) {
            String type = seed.chance(70) ? WebAuthnCredentialModel.TYPE_PASSWORDLESS
                    : WebAuthnCredentialModel.TYPE_TWOFACTOR;
            byte[] credentialId = seed.bytes(seed.pick(CREDENTIAL_ID_LENGTHS));
            standIn.addCredential(WebAuthnCredentialModel.create(type, null, NO_AAGUID, StandIn.base64(credentialId),
                    null, StandIn.base64(seed.bytes(77)), 0, "none"), id() + i);
        }
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        if (MethodTries.of(context).isSpent(id())) {
            return MethodOutcome.spent("ssprErrorPasskeyExhausted", "too_many_failed_passkeys");
        }
        String challenge = context.authSession().getAuthNote(CHALLENGE_NOTE);
        context.authSession().removeAuthNote(CHALLENGE_NOTE);
        String reason = check(context, user, form, challenge);
        if (reason == null) {
            return MethodOutcome.verified();
        }
        return MethodTries.of(context).recordWrongAndCheckSpent(id())
                ? MethodOutcome.spent("ssprErrorPasskeyExhausted", "too_many_failed_passkeys")
                : MethodOutcome.wrong("ssprErrorPasskeyFailed", reason);
    }

    /** Null when the assertion is valid, else the reason for the event. */
    private static String check(MethodContext context, UserModel user, MultivaluedMap<String, String> form,
                                String challenge) {
        if (notBlank(form.getFirst(WebAuthnConstants.ERROR))) {
            // The browser's navigator.credentials.get() failed or was cancelled.
            return "webauthn_api_error";
        }
        String credentialId = form.getFirst(WebAuthnConstants.CREDENTIAL_ID);
        String clientData = form.getFirst(WebAuthnConstants.CLIENT_DATA_JSON);
        String authenticatorData = form.getFirst(WebAuthnConstants.AUTHENTICATOR_DATA);
        String signature = form.getFirst(WebAuthnConstants.SIGNATURE);
        if (!notBlank(credentialId) || !notBlank(clientData) || !notBlank(authenticatorData) || !notBlank(signature)) {
            return "webauthn_missing_parameters";
        }
        if (challenge == null) {
            return "no_live_challenge";
        }
        try {
            byte[] id = Base64Url.decode(credentialId);
            Optional<CredentialModel> stored = credentials(context, user)
                    .filter(c -> Arrays.equals(Base64Url.decode(credentialId(c)), id)).findFirst();
            if (stored.isEmpty()) {
                return "unknown_credential";
            }
            String userHandle = form.getFirst(WebAuthnConstants.USER_HANDLE);
            // A discoverable credential names its user: it must be this user (as WebAuthnAuthenticator checks).
            if (notBlank(userHandle)
                    && !user.getId().equals(new String(Base64Url.decode(userHandle), StandardCharsets.UTF_8))) {
                return "different_user";
            }
            String type = stored.get().getType();
            WebAuthnPolicy policy = policy(context, type);
            ServerProperty server = new ServerProperty(
                    new Origin(UriUtils.getOrigin(context.session().getContext().getUri().getBaseUri())),
                    rpId(context, policy), new DefaultChallenge(challenge));
            WebAuthnCredentialModelInput input = new WebAuthnCredentialModelInput(type);
            input.setAuthenticationRequest(new AuthenticationRequest(id, Base64Url.decode(authenticatorData),
                    Base64Url.decode(clientData), Base64Url.decode(signature)));
            input.setAuthenticationParameters(new WebAuthnCredentialModelInput.KeycloakWebAuthnAuthenticationParameters(
                    server, userVerificationRequired(policy)));
            // Keycloak's WebAuthn credential provider checks signature, challenge, origin, rpId, flags and counter.
            return user.credentialManager().isValid(input) ? null : "webauthn_invalid";
        } catch (WebAuthnException | IllegalArgumentException e) {
            return "webauthn_invalid";
        }
    }

    private static Stream<CredentialModel> credentials(MethodContext context, UserModel user) {
        return TYPES.stream().flatMap(type -> user.credentialManager().getStoredCredentialsByTypeStream(type))
                .filter(credential -> KeycloakCredentialVetting.counts(context.session(), user, credential));
    }

    /** Stored as standard Base64 by Keycloak; the browser wants Base64url. */
    private static String credentialId(CredentialModel credential) {
        return Base64Url.encodeBase64ToBase64Url(WebAuthnCredentialModel.createFromCredentialModel(credential)
                .getWebAuthnCredentialData().getCredentialId());
    }

    private static WebAuthnPolicy policy(MethodContext context, String type) {
        return WebAuthnCredentialModel.TYPE_PASSWORDLESS.equals(type)
                ? context.realm().getWebAuthnPolicyPasswordless() : context.realm().getWebAuthnPolicy();
    }

    private static String rpId(MethodContext context, WebAuthnPolicy policy) {
        String rpId = policy.getRpId();
        return rpId == null || rpId.isEmpty() ? context.session().getContext().getUri().getBaseUri().getHost() : rpId;
    }

    private static boolean userVerificationRequired(WebAuthnPolicy policy) {
        return Constants.WEBAUTHN_POLICY_OPTION_REQUIRED.equals(policy.getUserVerificationRequirement());
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    public static final class Factory implements SsprMethodFactory {
        private static final PasskeyMethod INSTANCE = new PasskeyMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.PASSKEY;
        }
    }
}
