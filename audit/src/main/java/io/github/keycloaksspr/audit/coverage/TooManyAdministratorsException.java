package io.github.keycloaksspr.audit.coverage;

/** Reports refuse a realm where more users count as SSPR administrators than a help desk could hold. */
public final class TooManyAdministratorsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TooManyAdministratorsException(int limit) {
        super("more than " + limit + " users count as SSPR administrators (a realm-management role or the policy's"
                + " admin role or group reaches them, e.g. through the default roles); registration coverage is not"
                + " computed");
    }
}
