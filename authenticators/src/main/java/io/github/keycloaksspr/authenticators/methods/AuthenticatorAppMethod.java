package io.github.keycloaksspr.authenticators.methods;

import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.KeycloakCredentialVetting;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.flow.MethodTries;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.utils.Base32;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;

/** A code from the authenticator app the user already uses for MFA: Keycloak's own {@code otp} credential. */
public final class AuthenticatorAppMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodTotpInstruction";

    @Override
    public String id() {
        return SsprMethodIds.TOTP;
    }

    @Override
    public Factor factor() {
        return Factor.AUTHENTICATOR_APP;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.keycloakCredentials(List.of(OTPCredentialModel.TYPE));
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return appCredentials(context, user).findAny().isPresent();
    }

    /** None: a label the user typed ("Jane's iPhone") would tell a stranger who owns the account. */
    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return "";
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        return MethodChallenge.code(INSTRUCTION);
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        String secret = Base32.encode(standIn.seed(id()).bytes(20));
        standIn.addCredential(OTPCredentialModel.createFromPolicy(context.realm(), secret), id());
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        if (MethodTries.of(context).isSpent(id())) {
            return MethodOutcome.spent("ssprErrorCodeExhausted", "too_many_wrong_codes");
        }
        String code = form.getFirst(CodeChallenges.CODE_FIELD);
        // Keycloak's OTP provider checks the window, the counter and reuse of a code already accepted.
        boolean valid = code != null && !code.isBlank() && appCredentials(context, user)
                .anyMatch(otp -> user.credentialManager().isValid(
                        new UserCredentialModel(otp.getId(), OTPCredentialModel.TYPE, code.strip())));
        if (valid) {
            return MethodOutcome.verified();
        }
        return MethodTries.of(context).recordWrongAndCheckSpent(id())
                ? MethodOutcome.spent("ssprErrorCodeExhausted", "too_many_wrong_codes")
                : MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code");
    }

    /** The user's authenticator apps that may prove them (see {@link KeycloakCredentialVetting}). */
    private static Stream<CredentialModel> appCredentials(MethodContext context, UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(OTPCredentialModel.TYPE)
                .filter(otp -> KeycloakCredentialVetting.counts(context.session(), user, otp));
    }

    public static final class Factory implements SsprMethodFactory {
        private static final AuthenticatorAppMethod INSTANCE = new AuthenticatorAppMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.TOTP;
        }
    }
}
