package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.models.KeycloakSession;

/**
 * How the pack's credential types present themselves in the Account Console and on Keycloak's
 * "select authenticator" page. Display name and help text are message keys
 * ({@code <type>-display-name}, {@code <type>-help-text}) and the icon is a theme property key
 * ({@code kcAuthenticatorSspr...Class}); the themes module defines all of them.
 */
final class SsprCredentialMetadata {

    private SsprCredentialMetadata() {
    }

    /** The required action that registers every type of the pack: the Account Console's "Set up" opens it. */
    static final String REGISTRATION_ACTION = "sspr-register-security-info";

    /**
     * Keycloak's builder silently drops a {@code createAction} that is not an enabled required action of the realm,
     * and turns {@code removeable} off unless the realm's {@code delete_credential} action is enabled.
     * {@code removable} is per user: the Account Console hides "Remove" while the user's last credential of this type
     * is one of the methods the reset policy requires, and Keycloak refuses the removal then.
     */
    static CredentialTypeMetadata twoFactor(KeycloakSession session, String type, String iconCssClassKey,
                                            boolean removable) {
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(type + "-display-name")
                .helpText(type + "-help-text")
                .iconCssClass(iconCssClassKey)
                .createAction(REGISTRATION_ACTION)
                .removeable(removable)
                .build(session);
    }
}
