package io.github.keycloaksspr.core.budget;

/**
 * Whose budgets a send draws on. Sign-in codes (MFA) have budgets of their own: anonymous "Forgot password?" traffic
 * can spend a user's reset budgets, but never lock them out of signing in.
 */
public enum SendFamily {

    /** Reset flow and security-info registration. */
    RESET(""),
    /** Sign-in codes of the MFA authenticators. */
    MFA("mfa-"),
    /** Texts that tell a user their security info changed: at most one per number and window. */
    NOTICE("notice-");

    private final String scopePrefix;

    SendFamily(String scopePrefix) {
        this.scopePrefix = scopePrefix;
    }

    String scope(String scope) {
        return scopePrefix + scope;
    }
}
