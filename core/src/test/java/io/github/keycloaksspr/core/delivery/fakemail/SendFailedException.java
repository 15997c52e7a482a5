package io.github.keycloaksspr.core.delivery.fakemail;

/** Shaped like Jakarta Mail's: the pack recognises it by its name and its invalid addresses. */
public final class SendFailedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient Object[] invalid;

    public SendFailedException(Object... invalid) {
        super("send failed");
        this.invalid = invalid;
    }

    public Object[] getInvalidAddresses() {
        return invalid;
    }
}
