package io.github.keycloaksspr.core.phone.gateway;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import io.github.keycloaksspr.core.phone.PhoneDelivery;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;

/** Sends a text or places a call that speaks a message; one per request, backed by the factory's shared client. */
public interface PhoneGateway extends Provider {

    /** False when the operator has not configured the gateway: phone methods are then unavailable, not broken. */
    boolean isConfigured();

    /** The server's gateway when the operator configured one. */
    static Optional<PhoneGateway> configured(KeycloakSession session) {
        return Optional.ofNullable(session.getProvider(PhoneGateway.class)).filter(PhoneGateway::isConfigured);
    }

    /** The configured gateway, for a send that cannot happen without one. */
    static PhoneGateway required(KeycloakSession session) {
        return configured(session).orElseThrow(() -> new IllegalStateException("the phone gateway is not configured"));
    }

    PhoneDelivery sendSms(String toE164, String body) throws PhoneDeliveryException;

    /** Calls {@code toE164} and reads {@code message}; the gateway turns it into its carrier's markup. */
    PhoneDelivery placeCall(String toE164, SpokenMessage message) throws PhoneDeliveryException;

    /**
     * Whether calls speak a code only after the callee presses a key ({@link #placeCallAskingForKey}), so that an
     * answering machine never records it. Needs the carrier to reach the server's public URL. A gateway without
     * callbacks speaks the code at once.
     */
    default boolean asksForKeypress() {
        return false;
    }

    /** The public base URL the carrier calls back, when the operator set one; else the realm's frontend URL. */
    default Optional<URI> callbackBaseUrl() {
        return Optional.empty();
    }

    /** Calls {@code toE164} and says {@code prompt}; a key pressed makes the carrier fetch {@code callback}. */
    default PhoneDelivery placeCallAskingForKey(String toE164, SpokenMessage prompt, URI callback)
            throws PhoneDeliveryException {
        throw new UnsupportedOperationException("this gateway calls nobody back");
    }

    /** Whether a request to a call's callback comes from the carrier: its signature over the URL and the form. */
    default boolean callbackAuthentic(String url, Map<String, String> form, HttpHeaders headers) {
        return false;
    }

    /** The carrier's markup that speaks {@code message}: the answer to a callback. */
    default String speech(SpokenMessage message) {
        throw new UnsupportedOperationException("this gateway calls nobody back");
    }

    @Override
    default void close() {
        // the factory owns the client
    }
}
