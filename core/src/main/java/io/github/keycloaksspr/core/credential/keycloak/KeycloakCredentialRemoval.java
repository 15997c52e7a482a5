package io.github.keycloaksspr.core.credential.keycloak;

import io.github.keycloaksspr.core.guard.RemovalGuard;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * Keycloak's own second factors (authenticator app, security key, passkey) are reset methods too. While the realm's
 * security-info page is enabled they are removed there, after proof of another method, as the pack's own methods
 * are: Keycloak's "Remove" (the Account Console, {@code kc_action=delete_credential}, the account REST API) would let
 * a password alone take them away, after which the page would take the account for never registered.
 */
final class KeycloakCredentialRemoval {

    private KeycloakCredentialRemoval() {
    }

    /** {@code metadata}, not removable where the security-info page is where this user removes methods. */
    static CredentialTypeMetadata guarded(KeycloakSession session, CredentialTypeMetadataContext context,
                                          CredentialTypeMetadata metadata) {
        UserModel user = context.getUser();
        RemovalGuard guard = session.getProvider(RemovalGuard.class);
        if (!metadata.isRemoveable() || user == null || guard == null
                || guard.removableOutsideTheSecurityInfoPage(user)) {
            return metadata;
        }
        return CredentialTypeMetadata.builder()
                .type(metadata.getType())
                .category(metadata.getCategory())
                .displayName(metadata.getDisplayName())
                .helpText(metadata.getHelpText())
                .iconCssClass(metadata.getIconCssClass())
                .createAction(metadata.getCreateAction())
                .updateAction(metadata.getUpdateAction())
                .removeable(false)
                .build(session);
    }
}
