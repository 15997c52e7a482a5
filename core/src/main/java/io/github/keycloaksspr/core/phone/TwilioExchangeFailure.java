package io.github.keycloaksspr.core.phone;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.twilio.exception.TwilioException;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException.Reason;

/**
 * Thrown by {@link BoundedTwilioHttpClient} from inside the SDK's call stack and turned into a
 * {@link PhoneDeliveryException} by {@link TwilioPhoneSender}.
 *
 * <p>Classifying here, where the real HTTP status and transport error are known, keeps the result
 * exact even when the answer is not Twilio JSON (an HTML 502 from a proxy, say), which the SDK would
 * report without a status. Twilio's own error {@code message} is never copied: it can quote the
 * destination number.
 */
final class TwilioExchangeFailure extends TwilioException {

    private static final long serialVersionUID = 1L;
    private static final ObjectReader JSON = new ObjectMapper().reader();

    private final Reason reason;
    private final int httpStatus;
    private final Integer twilioErrorCode;

    private TwilioExchangeFailure(Reason reason, String detail, int httpStatus, Integer twilioErrorCode,
                                  Throwable cause) {
        super(detail, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.twilioErrorCode = twilioErrorCode;
    }

    static TwilioExchangeFailure transport(Reason reason, String detail, Throwable cause) {
        return new TwilioExchangeFailure(reason, detail, 0, null, cause);
    }

    static TwilioExchangeFailure errorAnswer(int httpStatus, String body) {
        Integer code = twilioErrorCodeIn(body);
        String detail = "HTTP " + httpStatus
                + (code == null ? "" : ", Twilio error " + code + " (https://www.twilio.com/docs/errors/" + code + ")");
        return new TwilioExchangeFailure(reasonFor(httpStatus), detail, httpStatus, code, null);
    }

    PhoneDeliveryException toDeliveryException(String channel) {
        return new PhoneDeliveryException(reason, channel + " via Twilio failed: " + getMessage(),
                httpStatus, twilioErrorCode, getCause());
    }

    private static Reason reasonFor(int httpStatus) {
        if (httpStatus == 429) {
            return Reason.RATE_LIMITED;
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return Reason.REJECTED;
        }
        return Reason.PROVIDER_ERROR;
    }

    private static Integer twilioErrorCodeIn(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body).path("code");
            return code.canConvertToInt() && code.isIntegralNumber() ? code.intValue() : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
