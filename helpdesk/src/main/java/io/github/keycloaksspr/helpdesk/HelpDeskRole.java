package io.github.keycloaksspr.helpdesk;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who may use the help desk: holders of the realm role {@value #NAME} (directly, through a composite or a group), and
 * the realm's user administrators. The role grants nothing else: Keycloak's admin API still refuses its holders. The
 * master realm has no help desk: its administrators are not the reset policy's, and it serves no end users.
 */
final class HelpDeskRole {

    static final String NAME = "sspr-helpdesk-agent";
    static final String DESCRIPTION = "SSPR help desk: look up a caller's account and its masked security info";

    private HelpDeskRole() {
    }

    static boolean servedIn(RealmModel realm) {
        return !Config.getAdminRealm().equals(realm.getName());
    }

    /** Creates the role in {@code realm} unless it is there (a realm import may bring it). */
    static void ensureIn(RealmModel realm) {
        if (servedIn(realm) && realm.getRole(NAME) == null) {
            realm.addRole(NAME).setDescription(DESCRIPTION);
        }
    }

    /** Whether this user holds the role or administers users: as a caller, the help desk treats them as its own. */
    static boolean mayUse(RealmModel realm, UserModel user) {
        RoleModel agent = realm.getRole(NAME);
        if (agent != null && user.hasRole(agent)) {
            return true;
        }
        RoleModel manageUsers = managementRole(realm, AdminRoles.MANAGE_USERS);
        return manageUsers != null && user.hasRole(manageUsers);
    }

    /**
     * Whether this token's user may use the help desk, as Keycloak's admin API decides it: the roles the user holds
     * and the token's client may carry (a client without full scope carries only its scope's roles). Never a service
     * account: an agent is a person who answers the phone.
     */
    static boolean mayUse(RealmModel realm, AdminAuth auth) {
        if (auth.getUser().getServiceAccountClientLink() != null) {
            return false;
        }
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return realm.getRole(NAME) != null && auth.hasRealmRole(NAME)
                || management != null && auth.hasAppRole(management, AdminRoles.MANAGE_USERS);
    }

    /** Whether this token's user is a realm administrator ({@code realm-management realm-admin}). */
    static boolean realmAdministrator(RealmModel realm, AdminAuth auth) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && auth.hasAppRole(management, AdminRoles.REALM_ADMIN);
    }

    /**
     * Callers the help desk guards as administrators (two methods, never the account's address; a pass or a removal
     * only by a realm administrator): the reset policy's administrators, and whoever may use the help desk themselves.
     */
    static boolean privileged(KeycloakSession session, RealmModel realm, SsprPolicy policy, UserModel caller) {
        return new ResetAudience(session, realm, policy).isAdministrator(caller) || mayUse(realm, caller);
    }

    private static RoleModel managementRole(RealmModel realm, String name) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management == null ? null : management.getRole(name);
    }
}
