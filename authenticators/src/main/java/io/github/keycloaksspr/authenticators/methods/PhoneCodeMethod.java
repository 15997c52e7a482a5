package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.delivery.CodeChallenges;
import io.github.keycloaksspr.core.delivery.CodeDelivery;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.models.UserModel;

/** A code delivered to a phone number through the phone gateway; subclasses say which number and how. */
abstract class PhoneCodeMethod implements SsprMethod {

    /** The number this method reaches, if the user has one. */
    abstract Optional<String> number(MethodContext context, UserModel user);

    abstract CodeDelivery delivery();

    abstract String instructionKey();

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isAvailable(MethodContext context) {
        return PhoneGateway.configured(context.session()).isPresent();
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return number(context, user).isPresent();
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return number(context, user).map(Masking::phone).orElse("");
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        return CodeChallenges.challenge(context, user, id(), number(context, user).orElseThrow(), instructionKey(),
                delivery());
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
        standIn.mobileNumber();
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
    }
}
