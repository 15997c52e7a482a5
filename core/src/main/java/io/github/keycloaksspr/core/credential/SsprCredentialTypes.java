package io.github.keycloaksspr.core.credential;

/**
 * The credential types of the pack. The ids are public contract: realm import JSON, the admin
 * console and the Account Console refer to them, so they never change. Each id is also the id of
 * the credential provider that manages the type.
 */
public final class SsprCredentialTypes {

    public static final String MOBILE_PHONE = "sspr-mobile-phone";
    public static final String ALTERNATE_EMAIL = "sspr-alternate-email";
    public static final String SECURITY_QUESTIONS = "sspr-security-questions";

    private SsprCredentialTypes() {
    }
}
