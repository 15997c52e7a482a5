package io.github.keycloaksspr.core.pass;

import java.util.List;
import java.util.Optional;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.credential.TemporaryAccessPassCredentialModel;
import io.github.keycloaksspr.core.decoy.StandInUser;
import io.github.keycloaksspr.core.method.MethodOutcome;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * A user's Temporary Access Pass as the reset and the sign-in use it: the live one (expired ones are removed on the
 * way), and its use. A one-time pass works once in the whole cluster: a slot claims it before it counts, then it is
 * removed.
 */
public final class TemporaryAccessPasses {

    /** Set in a sign-in that a pass opened: its security-info page asks no proof of a method the user lost. */
    public static final String SIGNED_IN_NOTE = "sspr.signedInWithPass";

    private TemporaryAccessPasses() {
    }

    /** The user's pass while it lasts; an expired one is removed, and its removal is the user's event. */
    public static Optional<TemporaryAccessPassCredentialModel> live(KeycloakSession session, UserModel user) {
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
                PassEvents.expired(session, user, pass);
            } else {
                live = Optional.of(pass);
            }
        }
        return live;
    }

    /** Checks {@code typed} against the user's live pass and, when right, uses it up if it is one-time. */
    public static MethodOutcome use(KeycloakSession session, UserModel user, String typed) {
        Optional<TemporaryAccessPassCredentialModel> pass = live(session, user);
        if (pass.isEmpty()) {
            return MethodOutcome.spent("ssprErrorPassExpired", "pass_expired");
        }
        if (!pass.get().matches(typed)) {
            return MethodOutcome.wrong("ssprErrorWrongPass", "wrong_pass");
        }
        if (pass.get().oneTime()) {
            long lifespan = Math.max(1, (pass.get().expiresAt() - Time.currentTimeMillis()) / 1000 + 60);
            if (!ClusterSlots.of(session).claim("sspr:tap:used:" + pass.get().getId(), lifespan)) {
                return MethodOutcome.spent("ssprErrorPassExpired", "pass_used");
            }
            user.credentialManager().removeStoredCredentialById(pass.get().getId());
        }
        PassEvents.used(session, user, pass.get());
        return MethodOutcome.verified();
    }
}
