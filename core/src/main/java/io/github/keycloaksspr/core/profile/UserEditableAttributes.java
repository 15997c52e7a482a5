package io.github.keycloaksspr.core.profile;

import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Whether users may write a user attribute themselves (account console, account REST API), as the realm's user
 * profile says: a declared attribute by its edit permission, any other by the unmanaged-attribute policy. Data a
 * user can write proves nothing about them.
 */
public final class UserEditableAttributes {

    private UserEditableAttributes() {
    }

    public static boolean editableByUsers(KeycloakSession session, String attribute) {
        UPConfig config = session.getProvider(UserProfileProvider.class).getConfiguration();
        UPAttribute declared = config.getAttributes() == null ? null : config.getAttribute(attribute);
        if (declared == null) {
            UPConfig.UnmanagedAttributePolicy unmanaged = config.getUnmanagedAttributePolicy();
            return unmanaged != null && unmanaged != UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT
                    && unmanaged != UPConfig.UnmanagedAttributePolicy.ADMIN_VIEW;
        }
        Set<String> editors = declared.getPermissions() == null ? Set.of() : declared.getPermissions().getEdit();
        return editors.contains("user");
    }
}
