package io.github.keycloaksspr.core.delivery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A message composed during the request that leaves after it: the mail to the SMTP server, the text or call to the
 * phone gateway. It runs in a session of its own on Keycloak's executor, once the request has committed.
 */
@FunctionalInterface
public interface Transmission {

    /** Hands the message over; throws when the server or gateway refuses it. Nothing of the message is logged. */
    void transmit(KeycloakSession session, RealmModel realm) throws Exception;
}
