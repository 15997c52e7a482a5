package io.github.keycloaksspr.core.audience;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.policy.SsprScope;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RoleUtils;

/** Who the policy covers, who counts as an administrator, and who is a guest from another organisation. */
public final class ResetAudience {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SsprPolicy policy;

    public ResetAudience(KeycloakSession session, RealmModel realm, SsprPolicy policy) {
        this.session = session;
        this.realm = realm;
        this.policy = policy;
    }

    public boolean inScope(UserModel user) {
        return switch (policy.scope()) {
            case NONE -> false;
            case ALL -> true;
            case GROUP -> group(policy.scopeGroup()).map(g -> RoleUtils.isMember(user.getGroupsStream(), g))
                    .orElse(false);
        };
    }

    /**
     * The scope group and its subgroups, whose members the policy covers; none unless the scope is a group that
     * exists. For reports that select the users in scope in SQL.
     */
    public Stream<GroupModel> scopeGroups() {
        if (policy.scope() != SsprScope.GROUP) {
            return Stream.empty();
        }
        return group(policy.scopeGroup()).stream().flatMap(ResetAudience::withSubgroups);
    }

    /**
     * Any realm-management role (who can manage the realm can reset others), plus the policy's own role or group.
     * The user's effective roles (direct, composite, through groups) are read once, not once per role asked about.
     */
    public boolean isAdministrator(UserModel user) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel policyRole = policy.adminRole() == null ? null
                : KeycloakModelUtils.getRoleFromString(realm, policy.adminRole());
        if (realmManagement != null || policyRole != null) {
            Set<RoleModel> effective = RoleUtils.getDeepUserRoleMappings(user);
            if (realmManagement != null && effective.stream().anyMatch(r -> RoleUtils.isClientRole(r, realmManagement))) {
                return true;
            }
            if (policyRole != null && effective.stream().anyMatch(r -> r.getId().equals(policyRole.getId()))) {
                return true;
            }
        }
        return policy.adminGroup() != null
                && group(policy.adminGroup()).map(g -> RoleUtils.isMember(user.getGroupsStream(), g)).orElse(false);
    }

    /**
     * Everyone {@link #isAdministrator} covers, found through membership queries, never by loading all users: holders
     * of the realm-management roles and of the policy's role, directly, through a composite realm role or through a
     * group (and its subgroups, which inherit its roles), and members of the policy's group and its subgroups. Distinct,
     * in no particular order.
     */
    public Stream<UserModel> administrators() {
        List<RoleModel> adminRoles = withCompositesContaining(adminRoles());
        Stream<GroupModel> groups = adminRoles.stream()
                .flatMap(role -> session.groups().getGroupsByRoleStream(realm, role, -1, -1));
        if (policy.adminGroup() != null) {
            groups = Stream.concat(groups, group(policy.adminGroup()).stream());
        }
        Stream<UserModel> direct = adminRoles.stream()
                .flatMap(role -> session.users().getRoleMembersStream(realm, role));
        Stream<UserModel> viaGroups = groups.flatMap(ResetAudience::withSubgroups).distinct()
                .flatMap(group -> session.users().getGroupMembersStream(realm, group));
        Map<String, UserModel> distinct = new LinkedHashMap<>();
        Stream.concat(direct, viaGroups).forEach(user -> distinct.putIfAbsent(user.getId(), user));
        return distinct.values().stream().filter(this::isAdministrator);
    }

    private List<RoleModel> adminRoles() {
        Stream<RoleModel> roles = Stream.empty();
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (realmManagement != null) {
            roles = realmManagement.getRolesStream();
        }
        if (policy.adminRole() != null) {
            RoleModel role = KeycloakModelUtils.getRoleFromString(realm, policy.adminRole());
            if (role != null) {
                roles = Stream.concat(roles, Stream.of(role));
            }
        }
        return roles.toList();
    }

    /**
     * The roles plus every composite role, of the realm or of any client, that contains one of them (e.g. a
     * "help desk" role).
     */
    private List<RoleModel> withCompositesContaining(List<RoleModel> roles) {
        Stream<RoleModel> composites = Stream.concat(realm.getRolesStream(),
                        realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                .filter(RoleModel::isComposite)
                .filter(composite -> roles.stream().anyMatch(composite::hasRole));
        return Stream.concat(roles.stream(), composites).distinct().toList();
    }

    private static Stream<GroupModel> withSubgroups(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(ResetAudience::withSubgroups));
    }

    /**
     * A guest signs in only through a brokered identity provider: no local or federated password exists here to
     * reset, so the home organisation is where to go.
     */
    public Optional<String> guestHomeProvider(UserModel user) {
        if (user.getFederationLink() != null
                || user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE)) {
            return Optional.empty();
        }
        return session.users().getFederatedIdentitiesStream(realm, user)
                .map(link -> session.identityProviders().getByAlias(link.getIdentityProvider()))
                .filter(Objects::nonNull)
                .map(idp -> idp.getDisplayName() != null ? idp.getDisplayName() : idp.getAlias())
                .findFirst();
    }

    private Optional<GroupModel> group(String path) {
        return Optional.ofNullable(KeycloakModelUtils.findGroupByPath(session, realm, path));
    }
}
