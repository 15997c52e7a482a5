package io.github.keycloaksspr.requiredactions;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The change a user asked for when the page first wanted a proof: kept in this sign-in's notes (server side) and
 * carried out once the proof is made, so that the user does not type the new phone or address again. Only what names
 * the change is kept (the action, the new phone or address, the credential to remove); never a code or an answer:
 * saving questions becomes showing their form again.
 */
final class PendingChange {

    static final String NOTE = "sspr.register.pendingChange";
    private static final String SEPARATOR = "\n";

    private PendingChange() {
    }

    static void keep(AuthenticationSessionModel authSession, MultivaluedMap<String, String> form) {
        String remove = form.getFirst(RegisterSecurityInfoAction.FIELD_REMOVE);
        String action = String.valueOf(form.getFirst(RegisterSecurityInfoAction.FIELD_ACTION));
        String kept = switch (action) {
            case "add-phone" -> action + SEPARATOR + nonNull(form.getFirst(ContactRegistration.FIELD_PHONE))
                    + SEPARATOR + nonNull(form.getFirst(ContactRegistration.FIELD_EMAIL));
            case "add-email" -> action + SEPARATOR + SEPARATOR + nonNull(form.getFirst(ContactRegistration.FIELD_EMAIL));
            case "setup-questions", "save-questions" -> "setup-questions";
            case "setup-totp", "setup-passkey" -> action;
            default -> remove != null ? "remove" + SEPARATOR + remove : null;
        };
        if (kept == null) {
            authSession.removeAuthNote(NOTE);
        } else {
            authSession.setAuthNote(NOTE, kept);
        }
    }

    /** The page is shown afresh: nothing asked earlier is carried out later. */
    static void forget(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(NOTE);
    }

    /** The kept change as the form that asked for it; it is forgotten. */
    static Optional<MultivaluedMap<String, String>> take(AuthenticationSessionModel authSession) {
        String kept = authSession.getAuthNote(NOTE);
        authSession.removeAuthNote(NOTE);
        if (kept == null) {
            return Optional.empty();
        }
        String[] parts = kept.split(SEPARATOR, -1);
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (parts[0].equals("remove")) {
            form.add(RegisterSecurityInfoAction.FIELD_REMOVE, parts[1]);
            return Optional.of(form);
        }
        form.add(RegisterSecurityInfoAction.FIELD_ACTION, parts[0]);
        if (parts.length == 3) {
            form.add(ContactRegistration.FIELD_PHONE, parts[1]);
            form.add(ContactRegistration.FIELD_EMAIL, parts[2]);
        }
        return Optional.of(form);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.replace(SEPARATOR, " ");
    }
}
