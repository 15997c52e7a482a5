package io.github.keycloaksspr.core.phone.gateway;

import io.github.keycloaksspr.core.phone.PhoneDelivery;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import org.keycloak.provider.Provider;

/** Sends a text or places a call that speaks a message; one per request, backed by the factory's shared client. */
public interface PhoneGateway extends Provider {

    /** False when the operator has not configured the gateway: phone methods are then unavailable, not broken. */
    boolean isConfigured();

    PhoneDelivery sendSms(String toE164, String body) throws PhoneDeliveryException;

    PhoneDelivery placeCall(String toE164, String twiml) throws PhoneDeliveryException;

    @Override
    default void close() {
        // the factory owns the client
    }
}
