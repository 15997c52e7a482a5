package io.github.keycloaksspr.authenticators.captcha;

/**
 * Outcome of checking a posted CAPTCHA solution. Only {@link #VALID} lets the request through; the others are
 * kept apart so the authenticator can record why a request was refused (the user sees the same prompt to retry).
 */
public enum CaptchaCheck {

    /** Solved, signed by this realm, not expired, and used for the first time. */
    VALID,
    /** No solution was posted: the widget has not finished, or the client skipped it. */
    MISSING,
    /** Not a solution to a challenge this realm issued: garbage, tampered, wrong number or another key. */
    INVALID,
    /** A genuine solution whose challenge is older than its lifetime. */
    EXPIRED,
    /** A genuine solution that was already accepted once. */
    REPLAYED;

    public boolean isValid() {
        return this == VALID;
    }
}
