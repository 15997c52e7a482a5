package io.github.keycloaksspr.core.phone;

import java.util.OptionalInt;

/**
 * An SMS or call that Twilio did not accept. The message names the HTTP status and Twilio error
 * code; it never holds the auth token, the text sent or the destination number, so it may be logged.
 */
public final class PhoneDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the delivery failed; callers choose between retry, another channel and a user-facing error. */
    public enum Reason {
        /** Connected, but no answer in time: Twilio may still deliver, so do not blindly resend. */
        TIMEOUT,
        /** No connection (refused, unknown host, connect timeout): nothing was sent. */
        UNREACHABLE,
        /** HTTP 429: too many requests for the account or the destination. */
        RATE_LIMITED,
        /** Another 4xx: invalid or blocked number, wrong credentials, unverified trial destination. Resending the same request fails again. */
        REJECTED,
        /** 5xx, an unreadable answer or a connection broken mid-request: the outcome is unknown. */
        PROVIDER_ERROR
    }

    private static final int NO_STATUS = 0;

    private final Reason reason;
    private final int httpStatus;
    private final Integer twilioErrorCode;

    public PhoneDeliveryException(Reason reason, String message, int httpStatus, Integer twilioErrorCode,
                                  Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.twilioErrorCode = twilioErrorCode;
    }

    public PhoneDeliveryException(Reason reason, String message, Throwable cause) {
        this(reason, message, NO_STATUS, null, cause);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status Twilio answered with; empty when no answer arrived. */
    public OptionalInt httpStatus() {
        return httpStatus == NO_STATUS ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** Twilio's error code, e.g. 21211 (invalid 'To' number); see https://www.twilio.com/docs/errors. */
    public OptionalInt twilioErrorCode() {
        return twilioErrorCode == null ? OptionalInt.empty() : OptionalInt.of(twilioErrorCode);
    }
}
