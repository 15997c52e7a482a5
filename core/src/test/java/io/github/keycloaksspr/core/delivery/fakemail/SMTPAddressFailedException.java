package io.github.keycloaksspr.core.delivery.fakemail;

/** Shaped like Jakarta Mail's: the pack recognises it by its name and its return code. */
public final class SMTPAddressFailedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int returnCode;

    public SMTPAddressFailedException(int returnCode) {
        super("address failed");
        this.returnCode = returnCode;
    }

    public int getReturnCode() {
        return returnCode;
    }
}
