package io.github.keycloaksspr.core.directory;

/** The user's directory could not be read or written; nothing was changed there. */
public final class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
