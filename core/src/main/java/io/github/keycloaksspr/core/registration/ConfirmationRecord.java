package io.github.keycloaksspr.core.registration;

import java.util.Optional;

import io.github.keycloaksspr.core.state.UserStates;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * When a user last confirmed their security info and when they were first asked since, in epoch seconds of Keycloak's
 * clock (so the test framework's time offset applies), kept in the pack's user state where users cannot write it. One
 * primary-key read at sign-in keeps the registration trigger O(1), and one SQL count gives the insights' coverage.
 */
public final class ConfirmationRecord {

    private ConfirmationRecord() {
    }

    public static Optional<Long> confirmedAt(KeycloakSession session, UserModel user) {
        return UserStates.of(session).find(user).confirmedAt();
    }

    public static Optional<Long> promptedAt(KeycloakSession session, UserModel user) {
        return UserStates.of(session).find(user).promptedAt();
    }

    /** Confirmed now: the next grace period starts with the next prompt. */
    public static void confirm(KeycloakSession session, UserModel user, long now) {
        UserStates.of(session).update(session.getContext().getRealm(), user, now * 1000, row -> {
            row.setConfirmedAt(now);
            row.setPromptedAt(null);
        });
    }

    /** The first prompt since the last confirmation; later prompts keep the first one's time. */
    public static void prompted(KeycloakSession session, UserModel user, long now) {
        if (promptedAt(session, user).isEmpty()) {
            UserStates.of(session).update(session.getContext().getRealm(), user, now * 1000,
                    row -> row.setPromptedAt(now));
        }
    }
}
