package io.github.keycloaksspr.core.method;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

import io.github.keycloaksspr.core.credential.SsprCredentialTypes;

/**
 * What a method proves. Two methods with the same factor (an SMS and a call to the same phone) count once: a second
 * method must prove something else. The id is what the reset flow keeps in its notes.
 */
public enum Factor {

    ALTERNATE_EMAIL("alternate-email", SsprCredentialTypes.ALTERNATE_EMAIL),
    MOBILE_PHONE("mobile-phone", SsprCredentialTypes.MOBILE_PHONE),
    OFFICE_PHONE("office-phone", null),
    AUTHENTICATOR_APP("authenticator-app", null),
    PASSKEY("passkey", null),
    SECURITY_QUESTIONS("security-questions", SsprCredentialTypes.SECURITY_QUESTIONS),
    /** The account's own address: only the help desk verifies a caller by it, never a reset. */
    ACCOUNT_EMAIL("account-email", null),
    /** A Temporary Access Pass the help desk issued: alone it proves as much as the policy asks. */
    TEMPORARY_ACCESS_PASS("temporary-access-pass", null);

    private final String id;
    /** The pack's own credential type behind the factor; Keycloak's own (OTP, WebAuthn) and attributes have none. */
    private final String packCredentialType;

    Factor(String id, String packCredentialType) {
        this.id = id;
        this.packCredentialType = packCredentialType;
    }

    public String id() {
        return id;
    }

    /**
     * Whether {@code provenFactorIds} prove as much as {@code required} distinct factors: that many of them, or a
     * Temporary Access Pass, which stands for the whole policy.
     */
    public static boolean enough(Collection<String> provenFactorIds, int required) {
        return provenFactorIds.size() >= required || provenFactorIds.contains(TEMPORARY_ACCESS_PASS.id);
    }

    /** The factor a Keycloak credential counts for (authenticator app, security key, passkey); empty for others. */
    public static Optional<Factor> ofKeycloakCredentialType(String credentialType) {
        return switch (String.valueOf(credentialType)) {
            case "otp" -> Optional.of(AUTHENTICATOR_APP);
            case "webauthn", "webauthn-passwordless" -> Optional.of(PASSKEY);
            default -> Optional.empty();
        };
    }

    /** The factor a credential of the pack counts for; empty for types the pack does not manage. */
    public static Optional<Factor> ofPackCredentialType(String credentialType) {
        return Arrays.stream(values())
                .filter(f -> f.packCredentialType != null && f.packCredentialType.equals(credentialType))
                .findFirst();
    }
}
