package io.github.keycloaksspr.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Who may use the help desk: the agent role or the realm's user administrators, nobody else. */
class HelpDeskRoleTest {

    private final Map<String, RoleModel> realmRoles = new HashMap<>();
    private final RoleModel manageUsers = role("manage-users");
    private final RealmModel realm = realm();

    @Test
    void theRoleIsCreatedOnceWithItsDescription() {
        HelpDeskRole.ensureIn(realm);
        RoleModel created = realmRoles.get(HelpDeskRole.NAME);
        HelpDeskRole.ensureIn(realm);

        assertThat(realmRoles.get(HelpDeskRole.NAME)).isSameAs(created);
        assertThat(created.getDescription()).isEqualTo(HelpDeskRole.DESCRIPTION);
    }

    @Test
    void agentsAndUserAdministratorsMayUseItAndNobodyElse() {
        HelpDeskRole.ensureIn(realm);
        assertThat(HelpDeskRole.mayUse(realm, user(realmRoles.get(HelpDeskRole.NAME)))).isTrue();
        assertThat(HelpDeskRole.mayUse(realm, user(manageUsers))).isTrue();
        assertThat(HelpDeskRole.mayUse(realm, user(role("offline_access")))).isFalse();
        assertThat(HelpDeskRole.mayUse(realm, user())).isFalse();
    }

    @Test
    void withoutTheRoleInTheRealmOnlyUserAdministratorsMay() {
        assertThat(HelpDeskRole.mayUse(realm, user(role(HelpDeskRole.NAME)))).as("a role of that name elsewhere")
                .isFalse();
        assertThat(HelpDeskRole.mayUse(realm, user(manageUsers))).isTrue();
    }

    private RealmModel realm() {
        ClientModel management = Proxies.of(ClientModel.class, Map.of("getRole",
                a -> "manage-users".equals(a[0]) ? manageUsers : null));
        Map<String, Function<Object[], Object>> methods = new HashMap<>();
        methods.put("getRole", a -> realmRoles.get((String) a[0]));
        methods.put("addRole", a -> {
            RoleModel added = role((String) a[0]);
            realmRoles.put((String) a[0], added);
            return added;
        });
        methods.put("getClientByClientId", a -> "realm-management".equals(a[0]) ? management : null);
        methods.put("getName", a -> "acme");
        return Proxies.of(RealmModel.class, methods);
    }

    private static RoleModel role(String name) {
        String[] description = new String[1];
        Map<String, Function<Object[], Object>> methods = new HashMap<>();
        methods.put("getName", a -> name);
        methods.put("setDescription", a -> {
            description[0] = (String) a[0];
            return null;
        });
        methods.put("getDescription", a -> description[0]);
        return Proxies.of(RoleModel.class, methods);
    }

    private static UserModel user(RoleModel... roles) {
        List<RoleModel> held = List.of(roles);
        return Proxies.of(UserModel.class, Map.of("hasRole", a -> held.stream().anyMatch(role -> role == a[0])));
    }
}
