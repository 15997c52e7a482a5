package io.github.keycloaksspr.core.proof;

import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.decoy.StandIn;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import io.github.keycloaksspr.core.method.SsprMethod;
import org.keycloak.models.UserModel;

/** A method whose answers the test scripts; it counts the challenges it starts (the codes it would send). */
final class ScriptedMethod implements SsprMethod {

    private final String id;
    private final Factor factor;
    private final Deque<MethodOutcome> outcomes = new ArrayDeque<>();
    private MethodChallenge challenge = MethodChallenge.code("ssprCodeSent", "+49 ••• 78");
    private int started;
    private String unreachable;
    private int checked;

    ScriptedMethod(String id, Factor factor) {
        this.id = id;
        this.factor = factor;
    }

    /** Its contact marked unreachable for {@code reason}. */
    ScriptedMethod unreachableFor(String reason) {
        this.unreachable = reason;
        return this;
    }

    @Override
    public java.util.Optional<String> unreachable(MethodContext context, UserModel user) {
        return java.util.Optional.ofNullable(unreachable);
    }

    ScriptedMethod answers(MethodOutcome... next) {
        outcomes.addAll(java.util.List.of(next));
        return this;
    }

    ScriptedMethod refusing(String errorKey, String reason) {
        challenge = MethodChallenge.refused(errorKey, reason);
        return this;
    }

    int started() {
        return started;
    }

    int checked() {
        return checked;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Factor factor() {
        return factor;
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return true;
    }

    @Override
    public RegistrationEvidence evidence() {
        return RegistrationEvidence.attribute("unused");
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return "hint of " + id;
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        if (challenge.started()) {
            started++;
        }
        return challenge;
    }

    @Override
    public void furnish(MethodContext context, StandIn standIn) {
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        checked++;
        return outcomes.isEmpty() ? MethodOutcome.wrong("ssprErrorWrongCode", "wrong_code") : outcomes.poll();
    }
}
