package io.github.keycloaksspr.core.delivery;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.phone.PhoneDeliveryException;

/**
 * Whether a failed send says that its destination cannot be reached at all, for good: Twilio's answers for an
 * invalid, unroutable, unsubscribed or (for texts) landline number, or a mail server refusing the recipient (SMTP
 * 5xx: Jakarta Mail's "invalid addresses"). A timeout, a rate limit or a server down says nothing about the contact.
 */
final class PermanentRefusal {

    /** Twilio error codes (https://www.twilio.com/docs/errors) and what they say of the number. */
    private static final Map<Integer, String> TWILIO = Map.of(
            21211, "invalid_number",
            21217, "invalid_number",
            21401, "invalid_number",
            21614, "not_mobile",
            21612, "unreachable",
            21610, "unsubscribed");

    private PermanentRefusal() {
    }

    /** The reason to mark the contact with, if the failure is the destination's for good. */
    static Optional<String> of(Exception failure) {
        if (failure instanceof PhoneDeliveryException phone) {
            return phone.reason() == PhoneDeliveryException.Reason.REJECTED && phone.twilioErrorCode().isPresent()
                    ? Optional.ofNullable(TWILIO.get(phone.twilioErrorCode().getAsInt())) : Optional.empty();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Jakarta Mail's SendFailedException, named, not imported (the pack does not compile against the API):
            // a 5xx answer to RCPT puts the recipient among the invalid addresses, a 4xx among the unsent ones.
            if (cause.getClass().getName().endsWith(".SendFailedException") && hasInvalidAddresses(cause)) {
                return Optional.of("mailbox_refused");
            }
        }
        return Optional.empty();
    }

    private static boolean hasInvalidAddresses(Throwable sendFailed) {
        try {
            Method invalid = sendFailed.getClass().getMethod("getInvalidAddresses");
            Object[] addresses = (Object[]) invalid.invoke(sendFailed);
            return addresses != null && addresses.length > 0;
        } catch (ReflectiveOperationException | ClassCastException e) {
            return false;
        }
    }
}
