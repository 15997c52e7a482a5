package io.github.keycloaksspr.core.method;

import java.util.List;

/**
 * What the browser needs to ask an authenticator for a WebAuthn assertion ({@code navigator.credentials.get}).
 *
 * @param challenge        Base64url of the random challenge the server keeps until the answer comes
 * @param rpId             relying party id of the realm's WebAuthn policy (the host when the policy leaves it empty)
 * @param allowCredentials Base64url credential ids the user registered; empty on a decoy run
 * @param userVerification {@code required}, {@code preferred}, {@code discouraged} or {@code not specified}
 * @param timeoutSeconds   0 leaves the timeout to the browser
 */
public record PasskeyRequest(String challenge, String rpId, List<String> allowCredentials, String userVerification,
                             int timeoutSeconds) {

    public PasskeyRequest {
        allowCredentials = List.copyOf(allowCredentials);
    }
}
