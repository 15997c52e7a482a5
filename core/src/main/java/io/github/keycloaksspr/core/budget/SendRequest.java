package io.github.keycloaksspr.core.budget;

import java.util.Objects;

/**
 * One intended send: in which realm, for which user, from which client address, to which phone
 * number or email address. For an account that does not exist (the enumeration-safe decoy path) pass
 * a stable stand-in user id, e.g. derived from the typed username, so that the decoy is refused
 * exactly when a real account would be.
 *
 * @param clientIp may be {@code null} when the proxy passes no address
 * @param family   whose budgets: the reset flow's or the sign-in codes' (MFA)
 */
public record SendRequest(String realmId, String userId, String clientIp, String destination, SendFamily family) {

    public SendRequest(String realmId, String userId, String clientIp, String destination) {
        this(realmId, userId, clientIp, destination, SendFamily.RESET);
    }

    public SendRequest {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(destination, "destination");
    }

    // Address and destination are personal data.
    @Override
    public String toString() {
        return "SendRequest[realmId=" + realmId + ", userId=" + userId + ", family=" + family
                + ", clientIp=(hidden), destination=(hidden)]";
    }
}
