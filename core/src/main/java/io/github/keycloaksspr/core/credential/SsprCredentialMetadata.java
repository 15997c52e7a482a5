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

    /**
     * Keycloak's builder silently drops a {@code createAction} that is not an enabled required action
     * of the realm, and turns {@code removeable} off unless the realm's {@code delete_credential}
     * action is enabled. There is no registration action yet (a later issue), so no create action.
     */
    static CredentialTypeMetadata twoFactor(KeycloakSession session, String type, String iconCssClassKey) {
        return CredentialTypeMetadata.builder()
                .type(type)
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName(type + "-display-name")
                .helpText(type + "-help-text")
                .iconCssClass(iconCssClassKey)
                .removeable(true)
                .build(session);
    }
}
