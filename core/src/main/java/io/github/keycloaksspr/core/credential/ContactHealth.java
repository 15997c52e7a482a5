package io.github.keycloaksspr.core.credential;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

/**
 * Whether a registered contact (a mobile phone, an alternate address) can be reached: a permanent refusal of a send
 * to it (an invalid or unsubscribed number, a mailbox the mail server refuses) marks it, on the credential itself
 * ({@code "unreachable": {"since": …, "reason": …}} in its data), until a send to it goes through again or the user
 * replaces it. Never a user attribute: the user cannot write it.
 */
public final class ContactHealth {

    static final String FIELD = "unreachable";
    /**
     * How long a mark holds: then the contact is tried again (a number ported back, a mailbox restored, a refusal
     * that was the mail server's fault), so that no mark locks its owner out of a reset for good.
     */
    public static final long MARK_DAYS = 30;
    private static final long DAY_MILLIS = 86_400_000L;

    /** Why and since when a contact cannot be reached. */
    public record Unreachable(long since, String reason) {
    }

    private ContactHealth() {
    }

    /** The mark of a stored contact, if any. */
    public static Optional<Unreachable> of(CredentialModel credential) {
        JsonNode mark = data(credential).path(FIELD);
        if (!mark.isObject()) {
            return Optional.empty();
        }
        Unreachable unreachable = new Unreachable(mark.path("since").asLong(), mark.path("reason").asText());
        return Time.currentTimeMillis() - unreachable.since() > MARK_DAYS * DAY_MILLIS ? Optional.empty()
                : Optional.of(unreachable);
    }

    /** Marks the user's contact of {@code type} at {@code destination} unreachable (nothing if they have none). */
    public static void markUnreachable(UserModel user, String type, String destination, String reason, long now) {
        find(user, type, destination).filter(credential -> of(credential).isEmpty()).ifPresent(credential -> {
            ObjectNode data = data(credential);
            data.putObject(FIELD).put("since", now).put("reason", reason);
            store(user, credential, data);
        });
    }

    /** A stand-in's fabricated contact, marked as the realm's are ({@link ContactHealthRates}); never stored. */
    public static <T extends CredentialModel> T fabricated(T credential, String reason, long since) {
        ObjectNode data = data(credential);
        data.putObject(FIELD).put("since", since).put("reason", reason);
        credential.setCredentialData(CredentialJson.write(data));
        return credential;
    }

    /**
     * A send to the contact went through: it is reachable again, as far as that send proves ({@code disproves}: the
     * reasons it disproves; a call to a landline says nothing about texts to it).
     */
    public static void markReachable(UserModel user, String type, String destination, Predicate<String> disproves) {
        find(user, type, destination).filter(credential -> data(credential).path(FIELD).isObject())
                .filter(credential -> disproves.test(data(credential).path(FIELD).path("reason").asText()))
                .ifPresent(credential -> {
            ObjectNode data = data(credential);
            data.remove(FIELD);
            store(user, credential, data);
        });
    }

    private static Optional<CredentialModel> find(UserModel user, String type, String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        String wanted = destination.strip().toLowerCase(Locale.ROOT);
        Optional<String> id = switch (type) {
            case SsprCredentialTypes.MOBILE_PHONE -> SsprCredentials.mobilePhones(user)
                    .filter(phone -> wanted.equals(phone.number())).map(CredentialModel::getId).findFirst();
            case SsprCredentialTypes.ALTERNATE_EMAIL -> SsprCredentials.alternateEmails(user)
                    .filter(email -> wanted.equals(email.email().toLowerCase(Locale.ROOT)))
                    .map(CredentialModel::getId).findFirst();
            default -> Optional.empty();
        };
        return id.map(user.credentialManager()::getStoredCredentialById);
    }

    private static ObjectNode data(CredentialModel credential) {
        try {
            JsonNode node = credential.getCredentialData() == null ? null
                    : JsonSerialization.readValue(credential.getCredentialData(), JsonNode.class);
            return node instanceof ObjectNode object ? object : JsonSerialization.createObjectNode();
        } catch (IOException e) {
            return JsonSerialization.createObjectNode();
        }
    }

    private static void store(UserModel user, CredentialModel credential, ObjectNode data) {
        credential.setCredentialData(CredentialJson.write(data));
        user.credentialManager().updateStoredCredential(credential);
    }
}
