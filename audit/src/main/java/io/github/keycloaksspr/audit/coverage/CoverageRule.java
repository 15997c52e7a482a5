package io.github.keycloaksspr.audit.coverage;

import java.util.List;
import java.util.Objects;

import io.github.keycloaksspr.core.audience.ResetAudience;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.policy.SsprScope;
import io.github.keycloaksspr.core.registration.RegistrationSettings;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A reset policy as reports apply it to the database: who is in scope (the scope group and its subgroups), who is an
 * administrator (found by membership queries, as the reset finds them), and which methods count for each, as far as
 * this server can run them. Administrators prove two methods and never answer questions, as in the reset itself.
 *
 * @param scopeGroupIds    the scope group and its subgroups; empty when the scope is not a group or the group is gone
 * @param administratorIds every user the policy treats as an administrator
 * @param reconfirmDays    the registration action's reconfirm period (0 = a confirmation never expires)
 */
record CoverageRule(String realmId, SsprPolicy policy, List<String> scopeGroupIds, List<String> administratorIds,
                    MethodEvidence userMethods, MethodEvidence adminMethods, int reconfirmDays) {

    /** Beyond this, administrators are not a few people to find but a misconfiguration to fix first. */
    static final int MAX_ADMINISTRATORS = 5_000;

    CoverageRule {
        Objects.requireNonNull(realmId, "realmId");
        Objects.requireNonNull(policy, "policy");
        scopeGroupIds = List.copyOf(scopeGroupIds);
        administratorIds = List.copyOf(administratorIds);
    }

    static CoverageRule of(KeycloakSession session, RealmModel realm, SsprPolicy policy) {
        return of(session, realm, policy, administrators(session, realm, policy));
    }

    /**
     * Every user {@code policy} treats as an administrator, by id; found through role and group membership.
     *
     * @throws TooManyAdministratorsException past {@link #MAX_ADMINISTRATORS}: a realm-management role given to
     *                                        everybody (through the default roles) would make each report load the
     *                                        whole realm
     */
    static List<String> administrators(KeycloakSession session, RealmModel realm, SsprPolicy policy) {
        List<String> ids = new ResetAudience(session, realm, policy).administrators().map(UserModel::getId)
                .limit(MAX_ADMINISTRATORS + 1L).toList();
        if (ids.size() > MAX_ADMINISTRATORS) {
            throw new TooManyAdministratorsException(MAX_ADMINISTRATORS);
        }
        return ids;
    }

    /** With the administrators already found (a proposal changes neither the admin role nor the admin group). */
    static CoverageRule of(KeycloakSession session, RealmModel realm, SsprPolicy policy, List<String> administrators) {
        MethodContext context = new MethodContext(session, realm, null, policy, null, null);
        ResetAudience audience = new ResetAudience(session, realm, policy);
        return new CoverageRule(realm.getId(), policy, audience.scopeGroups().map(GroupModel::getId).toList(),
                administrators,
                MethodEvidence.of(available(context, policy.methodsFor(false), false)),
                MethodEvidence.of(available(context, policy.methodsFor(true), true)),
                RegistrationSettings.forRealm(realm).reconfirmDays());
    }

    int usersRequired() {
        return policy.methodsRequiredFor(false);
    }

    int adminsRequired() {
        return policy.methodsRequiredFor(true);
    }

    SsprScope scope() {
        return policy.scope();
    }

    private static List<SsprMethod> available(MethodContext context, List<String> ids, boolean administrators) {
        return ids.stream().map(id -> context.session().getProvider(SsprMethod.class, id))
                .filter(Objects::nonNull)
                .filter(m -> !administrators || m.allowedForAdmins())
                .filter(m -> m.isAvailable(context))
                .toList();
    }
}
