package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.credential.SsprCredentials;
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

/** A code to the user's registered alternate email address (not the account email, which an attacker may control). */
public final class AlternateEmailCodeMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodEmailInstruction";

    @Override
    public String id() {
        return SsprMethodIds.EMAIL;
    }

    @Override
    public Factor factor() {
        return Factor.ALTERNATE_EMAIL;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.packCredential(SsprCredentialTypes.ALTERNATE_EMAIL);
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return address(user).isPresent();
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return address(user).map(Masking::email).orElse("");
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        return CodeChallenges.challenge(context, user, id(), address(user).orElseThrow(), INSTRUCTION,
                EmailCodeDelivery.INSTANCE);
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        standIn.registerAlternateEmail();
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
    }

    /** The address the code goes to, when the mail server refused it for good. */
    @Override
    public Optional<String> unreachable(MethodContext context, UserModel user) {
        return SsprCredentials.alternateEmails(user).findFirst().flatMap(ContactHealth::of)
                .map(ContactHealth.Unreachable::reason);
    }

    private static Optional<String> address(UserModel user) {
        return SsprCredentials.alternateEmail(user);
    }

    public static final class Factory implements SsprMethodFactory {
        private static final AlternateEmailCodeMethod INSTANCE = new AlternateEmailCodeMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.EMAIL;
        }
    }
}
