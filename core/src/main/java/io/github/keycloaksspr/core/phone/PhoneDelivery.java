package io.github.keycloaksspr.core.phone;

/**
 * Twilio's receipt for an accepted SMS or call.
 *
 * @param providerSid the Message SID ({@code SM...}) or Call SID ({@code CA...}), for support and audit
 * @param status      Twilio's status at acceptance, usually {@code queued}; delivery happens later
 */
public record PhoneDelivery(String providerSid, String status) {

    public PhoneDelivery {
        if (providerSid == null || providerSid.isBlank()) {
            throw new IllegalArgumentException("provider SID must not be blank");
        }
        status = status == null || status.isBlank() ? "unknown" : status;
    }
}
