package io.github.keycloaksspr.helpdesk;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.AdminRoles;

/**
 * Who may use the help desk: holders of the realm role {@value #NAME} (directly, through a composite or a group), and
 * the realm's user administrators. The role grants nothing else: Keycloak's admin API still refuses its holders.
 */
final class HelpDeskRole {

    static final String NAME = "sspr-helpdesk-agent";
    static final String DESCRIPTION = "SSPR help desk: look up a caller's account and its masked security info";

    private HelpDeskRole() {
    }

    /** Creates the role in {@code realm} unless it is there (a realm import may bring it). */
    static void ensureIn(RealmModel realm) {
        if (realm.getRole(NAME) == null) {
            realm.addRole(NAME).setDescription(DESCRIPTION);
        }
    }

    static boolean mayUse(RealmModel realm, UserModel user) {
        RoleModel agent = realm.getRole(NAME);
        if (agent != null && user.hasRole(agent)) {
            return true;
        }
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel manageUsers = management == null ? null : management.getRole(AdminRoles.MANAGE_USERS);
        return manageUsers != null && user.hasRole(manageUsers);
    }
}
