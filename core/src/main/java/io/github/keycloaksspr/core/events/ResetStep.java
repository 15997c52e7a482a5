package io.github.keycloaksspr.core.events;

import java.util.Arrays;
import java.util.Optional;

/** The reset flow's steps, as {@link SsprEvents#STEP} names them. */
public enum ResetStep {

    CHOOSE_ACCOUNT("choose-account"),
    VERIFY_IDENTITY("verify-identity"),
    UNLOCK_OR_RESET("unlock-or-reset"),
    NEW_PASSWORD("new-password");

    private final String id;

    ResetStep(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ResetStep> of(String id) {
        return Arrays.stream(values()).filter(step -> step.id.equals(id)).findFirst();
    }
}
