package io.github.keycloaksspr.authenticators.methods;

import java.util.Optional;

import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** The user's registered mobile number and the gateway that reaches it. */
final class PhoneNumberLookup {

    private PhoneNumberLookup() {
    }

    static Optional<String> mobileNumber(UserModel user) {
        return SsprCredentials.mobilePhones(user).map(MobilePhoneCredentialModel::number).findFirst();
    }

    static boolean gatewayConfigured(KeycloakSession session) {
        PhoneGateway gateway = session.getProvider(PhoneGateway.class);
        return gateway != null && gateway.isConfigured();
    }

    static PhoneGateway gateway(KeycloakSession session) {
        return session.getProvider(PhoneGateway.class);
    }
}
