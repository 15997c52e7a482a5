package io.github.keycloaksspr.core.delivery;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.phone.PhoneDeliveryException;

/**
 * Whether a failed send says that its destination cannot be reached at all: Twilio's answers for an invalid,
 * unsubscribed or (for texts) landline number, or a mail server saying the mailbox does not exist (550, 551, 553 to
 * RCPT). A timeout, a rate limit, a server down, an unroutable number (21612, often passing) or a refused sender says
 * nothing about the contact.
 */
final class PermanentRefusal {

    /** Twilio error codes (https://www.twilio.com/docs/errors) and what they say of the number. */
    private static final Map<Integer, String> TWILIO = Map.of(
            21211, "invalid_number",
            21217, "invalid_number",
            21401, "invalid_number",
            21614, "not_mobile",
            21610, "unsubscribed");
    /** SMTP answers to {@code RCPT} that say the mailbox does not exist, not that the sender or server is refused. */
    private static final Set<Integer> NO_SUCH_MAILBOX = Set.of(550, 551, 553);
    /** What a call that went through cannot say anything about: texts to a landline, or to a number that sent STOP. */
    private static final Set<String> TEXT_ONLY = Set.of("not_mobile", "unsubscribed");

    private PermanentRefusal() {
    }

    /** The reason to mark the contact with, if the failure is the destination's for good. */
    static Optional<String> of(Exception failure) {
        if (failure instanceof PhoneDeliveryException phone) {
            return phone.reason() == PhoneDeliveryException.Reason.REJECTED && phone.twilioErrorCode().isPresent()
                    ? Optional.ofNullable(TWILIO.get(phone.twilioErrorCode().getAsInt())) : Optional.empty();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Jakarta Mail's SMTPAddressFailedException, named, not imported (the pack does not compile against the
            // API): the server's answer to RCPT for this recipient. A relay refused or a blocklisted sender (5.7.x,
            // 554) is the server's fault, a full mailbox (552) passes: neither marks the address.
            if (cause.getClass().getName().endsWith(".SMTPAddressFailedException")
                    && NO_SUCH_MAILBOX.contains(returnCode(cause))) {
                return Optional.of("mailbox_refused");
            }
        }
        return Optional.empty();
    }

    /** Whether a send on {@code channel} that went through proves a mark of {@code reason} wrong. */
    static boolean disprovedBy(String channel, String reason) {
        return !"voice".equals(channel) || !TEXT_ONLY.contains(reason);
    }

    private static int returnCode(Throwable addressFailed) {
        try {
            Method code = addressFailed.getClass().getMethod("getReturnCode");
            return ((Number) code.invoke(addressFailed)).intValue();
        } catch (ReflectiveOperationException | ClassCastException e) {
            return 0;
        }
    }
}
