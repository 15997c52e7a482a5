package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.delivery.EmailCodeDelivery;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A code to the account's own, verified address. Never a reset method (the address falls with the password it
 * should recover): only the help desk verifies a caller by it, e.g. one who lost every registered method.
 */
public final class AccountEmailCodeMethod implements SsprMethod {

    @Override
    public String id() {
        return SsprMethodIds.ACCOUNT_EMAIL;
    }

    @Override
    public Factor factor() {
        return Factor.ACCOUNT_EMAIL;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return address(user).isPresent();
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.attribute("email");
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return address(user).map(Masking::email).orElse("");
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        return CodeChallenges.challenge(context, user, id(), address(user).orElseThrow(),
                "ssprMethodAccountEmailInstruction", EmailCodeDelivery.INSTANCE);
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        // Never a reset method: stand-ins need nothing of it.
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
    }

    private static Optional<String> address(UserModel user) {
        return user.getEmail() != null && !user.getEmail().isBlank() && user.isEmailVerified()
                ? Optional.of(user.getEmail().strip()) : Optional.empty();
    }

    public static final class Factory implements SsprMethodFactory {
        private static final AccountEmailCodeMethod INSTANCE = new AccountEmailCodeMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.ACCOUNT_EMAIL;
        }
    }
}
