package io.github.keycloaksspr.core.events;

/** The user's choice at the unlock-or-reset step, as {@link SsprEvents#ACTION} names it. */
public enum ResetAction {

    UNLOCK("unlock"),
    RESET("reset");

    private final String id;

    ResetAction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
