package io.github.keycloaksspr.core.budget;

/**
 * Whose budgets a send draws on. Sign-in codes (MFA) and a signed-in owner's codes have budgets of their own:
 * anonymous "Forgot password?" traffic can spend a user's reset budgets, but never lock them out of signing in or of
 * managing their security info.
 */
public enum SendFamily {

    /** The anonymous reset flow. */
    RESET(""),
    /** Sign-in codes of the MFA authenticators. */
    MFA("mfa-"),
    /**
     * Codes to a user signed in with the password: the security-info page's proofs and new methods. Anonymous reset
     * traffic cannot starve the owner of managing their security info.
     */
    SIGNED_IN("signed-in-"),
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
