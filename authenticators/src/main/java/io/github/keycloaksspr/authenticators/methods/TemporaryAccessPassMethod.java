package io.github.keycloaksspr.authenticators.methods;


import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.pass.TemporaryAccessPasses;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
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
 * The Temporary Access Pass the help desk issued: offered by the reset to a user who holds a live one, whatever the
 * policy's methods, and alone it proves as much as the policy asks ({@link TemporaryAccessPasses}).
 */
public final class TemporaryAccessPassMethod implements SsprMethod {

    @Override
    public String id() {
        return SsprMethodIds.TEMPORARY_ACCESS_PASS;
    }

    @Override
    public Factor factor() {
        return Factor.TEMPORARY_ACCESS_PASS;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return TemporaryAccessPasses.live(context.session(), user).isPresent();
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.packCredential(TemporaryAccessPassCredentialModel.TYPE);
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return "";
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        return MethodChallenge.code("ssprMethodTemporaryAccessPassInstruction");
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        // Stand-ins never hold a pass: nobody can issue one to a name that is no account.
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return TemporaryAccessPasses.use(context.session(), user, form.getFirst(CodeChallenges.CODE_FIELD));
    }

    public static final class Factory implements SsprMethodFactory {
        private static final TemporaryAccessPassMethod INSTANCE = new TemporaryAccessPassMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.TEMPORARY_ACCESS_PASS;
        }
    }
}
