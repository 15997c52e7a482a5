package io.github.keycloaksspr.core.phone;

import java.util.function.Supplier;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException.Reason;
import org.jboss.logging.Logger;

/**
 * Sends SMS and places voice calls through Twilio's REST API with the official SDK.
 *
 * <p>Each send is a single HTTP request bounded by the configured timeouts; it is never retried
 * here, because a retried send can reach the user twice. Thread-safe: build one per
 * {@link TwilioSettings} and reuse it (it owns an HTTP client and its connection pool).
 */
public final class TwilioPhoneSender {

    private static final Logger LOG = Logger.getLogger(TwilioPhoneSender.class);

    /** Twilio's limits; checked here so an oversized text fails clearly before anything is sent. */
    static final int MAX_SMS_BODY_CHARS = 1600;
    static final int MAX_TWIML_CHARS = 4000;

    private final TwilioRestClient client;
    private final PhoneNumber from;

    public TwilioPhoneSender(TwilioSettings settings) {
        BoundedTwilioHttpClient http = new BoundedTwilioHttpClient(
                settings.apiBaseUrl(), settings.connectTimeout(), settings.requestTimeout());
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(http)
                .build();
        this.from = new PhoneNumber(settings.fromNumber());
    }

    /** Sends {@code body} as an SMS to {@code toE164}; returns once Twilio has queued it. */
    public PhoneDelivery sendSms(String toE164, String body) throws PhoneDeliveryException {
        requireE164(toE164);
        requireText(body, "SMS body", MAX_SMS_BODY_CHARS);
        return deliver("SMS", toE164, () -> {
            Message message = Message.creator(new PhoneNumber(toE164), from, body).create(client);
            return new PhoneDelivery(message.getSid(), String.valueOf(message.getStatus()));
        });
    }

    /** Calls {@code toE164} and has Twilio play {@code twiml}, e.g. from {@link VoiceTwiml}. */
    public PhoneDelivery placeCall(String toE164, String twiml) throws PhoneDeliveryException {
        requireE164(toE164);
        requireText(twiml, "TwiML", MAX_TWIML_CHARS);
        return deliver("Call", toE164, () -> {
            Call call = Call.creator(new PhoneNumber(toE164), from, new Twiml(twiml)).create(client);
            return new PhoneDelivery(call.getSid(), String.valueOf(call.getStatus()));
        });
    }

    private static PhoneDelivery deliver(String channel, String toE164, Supplier<PhoneDelivery> send)
            throws PhoneDeliveryException {
        String maskedTo = Masking.phone(toE164);
        try {
            PhoneDelivery delivery = send.get();
            LOG.debugf("Twilio accepted %s to %s: %s, %s", channel, maskedTo, delivery.providerSid(), delivery.status());
            return delivery;
        } catch (TwilioExchangeFailure failure) {
            PhoneDeliveryException e = failure.toDeliveryException(channel);
            LOG.debugf("%s to %s: %s", channel, maskedTo, e.getMessage());
            throw e;
        } catch (TwilioException | IllegalArgumentException unreadable) {
            // A 2xx answer the SDK could not parse, or one without a SID. The SDK's text may quote the
            // answer, which echoes the destination and the text sent, so only its type is kept.
            LOG.debugf("%s to %s: unreadable answer from Twilio (%s)", channel, maskedTo, unreadable.getClass().getName());
            throw new PhoneDeliveryException(Reason.PROVIDER_ERROR,
                    channel + " via Twilio failed: its answer could not be read ("
                            + unreadable.getClass().getSimpleName() + "); it may still be delivered",
                    null);
        }
    }

    // Messages never quote the number or the text: both are personal data or secrets.
    private static void requireE164(String toE164) {
        if (!PhoneNumbers.isE164(toE164)) {
            throw new IllegalArgumentException("destination must be an E.164 number (+ and up to 15 digits)");
        }
    }

    private static void requireText(String text, String name, int maxChars) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (text.length() > maxChars) {
            throw new IllegalArgumentException(name + " has " + text.length() + " characters, Twilio accepts at most " + maxChars);
        }
    }
}
