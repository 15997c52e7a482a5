package io.github.keycloaksspr.core.registration;

import java.util.Optional;

import org.keycloak.models.UserModel;

/**
 * When a user last confirmed their security info and when they were first asked since, kept as user attributes in
 * epoch seconds of Keycloak's clock (so the test framework's time offset applies). One attribute read at sign-in keeps
 * the registration trigger O(1), and one SQL count gives the insights' coverage.
 */
public final class ConfirmationRecord {

    /** Epoch seconds of the last "Looks good". */
    public static final String CONFIRMED_AT_ATTRIBUTE = "sspr.confirmedAt";
    /** Epoch seconds of the first prompt since the last confirmation: the grace period counts from here. */
    public static final String PROMPTED_AT_ATTRIBUTE = "sspr.promptedAt";

    private ConfirmationRecord() {
    }

    public static Optional<Long> confirmedAt(UserModel user) {
        return epochSeconds(user, CONFIRMED_AT_ATTRIBUTE);
    }

    public static Optional<Long> promptedAt(UserModel user) {
        return epochSeconds(user, PROMPTED_AT_ATTRIBUTE);
    }

    /** Confirmed now: the next grace period starts with the next prompt. */
    public static void confirm(UserModel user, long now) {
        user.setSingleAttribute(CONFIRMED_AT_ATTRIBUTE, Long.toString(now));
        user.removeAttribute(PROMPTED_AT_ATTRIBUTE);
    }

    /** The first prompt since the last confirmation; later prompts keep the first one's time. */
    public static void prompted(UserModel user, long now) {
        if (promptedAt(user).isEmpty()) {
            user.setSingleAttribute(PROMPTED_AT_ATTRIBUTE, Long.toString(now));
        }
    }

    private static Optional<Long> epochSeconds(UserModel user, String attribute) {
        String value = user.getFirstAttribute(attribute);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
