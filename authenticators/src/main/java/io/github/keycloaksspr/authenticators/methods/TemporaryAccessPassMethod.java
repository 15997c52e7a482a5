package io.github.keycloaksspr.authenticators.methods;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.decoy.StandInUser;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The Temporary Access Pass the help desk issued: offered by the reset to a user who holds a live one, whatever the
 * policy's methods, and alone it proves as much as the policy asks. A one-time pass is used once in the whole cluster
 * (a slot claims it before it counts); a used or expired pass is removed.
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
        return livePass(user).isPresent();
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
        Optional<TemporaryAccessPassCredentialModel> pass = livePass(user);
        if (pass.isEmpty()) {
            return MethodOutcome.spent("ssprErrorPassExpired", "pass_expired");
        }
        if (!pass.get().matches(form.getFirst(CodeChallenges.CODE_FIELD))) {
            return MethodOutcome.wrong("ssprErrorWrongPass", "wrong_pass");
        }
        if (pass.get().oneTime()) {
            long lifespan = Math.max(1, (pass.get().expiresAt() - Time.currentTimeMillis()) / 1000 + 60);
            if (!ClusterSlots.of(context.session()).claim("sspr:tap:used:" + pass.get().getId(), lifespan)) {
                return MethodOutcome.spent("ssprErrorPassExpired", "pass_used");
            }
            user.credentialManager().removeStoredCredentialById(pass.get().getId());
        }
        return MethodOutcome.verified();
    }

    /** The user's pass while it lives; expired ones are removed on the way. */
    private static Optional<TemporaryAccessPassCredentialModel> livePass(UserModel user) {
        if (StandInUser.isStandIn(user)) {
            return Optional.empty();
        }
        List<CredentialModel> stored = user.credentialManager()
                .getStoredCredentialsByTypeStream(TemporaryAccessPassCredentialModel.TYPE).toList();
        long now = Time.currentTimeMillis();
        Optional<TemporaryAccessPassCredentialModel> live = Optional.empty();
        for (CredentialModel credential : stored) {
            TemporaryAccessPassCredentialModel pass = TemporaryAccessPassCredentialModel.createFromCredentialModel(credential);
            if (pass.expiredAt(now)) {
                user.credentialManager().removeStoredCredentialById(credential.getId());
            } else {
                live = Optional.of(pass);
            }
        }
        return live;
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
