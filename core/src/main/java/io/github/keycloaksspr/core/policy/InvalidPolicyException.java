package io.github.keycloaksspr.core.policy;

/** A reset-policy setting that cannot be used; names the setting so an admin can find it. */
public final class InvalidPolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public InvalidPolicyException(String key, String problem) {
        super("SSPR policy setting '" + key + "': " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
