package io.github.keycloaksspr.audit.coverage;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.policy.SsprScope;

/**
 * One policy's conditions on a user {@code u} of {@link RegisteredFactors}: in scope, and capable of a reset. Their
 * parameters and joins are prefixed, so that two policies (today's and a proposal) meet in one statement.
 *
 * <p>Where SQL cannot follow the reset exactly, the count errs the same way each time: a phone or office number
 * counts when present (the reset also checks its format), a question set counts when registered (the reset also
 * asks that it has enough questions), and an office number that is also the mobile number counts as a factor of its
 * own.
 */
final class CoverageSql {

    private final CoverageRule rule;
    private final RegisteredFactors factors;
    private final String prefix;

    CoverageSql(CoverageRule rule, RegisteredFactors factors, String prefix) {
        this.rule = rule;
        this.factors = factors;
        this.prefix = prefix;
    }

    /**
     * The join this policy's conditions read besides the factors: the members of the scope group and its subgroups.
     * A join is matched once per statement; a list tested in every row would cost more per user than everything else
     * together once the database plans the statement generically.
     */
    Hql joins() {
        if (!groupScoped()) {
            return Hql.of("");
        }
        String groups = prefix + "groups";
        return Hql.of(" left join (select distinct m.user.id as uid from UserGroupMembershipEntity m"
                + " where m.groupId in (:" + groups + ")) " + prefix + "scope on " + prefix + "scope.uid = u.id",
                groups, rule.scopeGroupIds());
    }

    /** What {@link #joins()} adds to a user's row, for the statement's {@code group by}. */
    List<String> groupKeys() {
        return groupScoped() ? List.of(prefix + "scope.uid") : List.of();
    }

    /**
     * The join that marks administrators ({@code admin.uid}), once per statement whatever the policies in it: a
     * proposal changes neither the admin role nor the admin group.
     */
    static Hql administratorJoin(List<String> administratorIds) {
        if (administratorIds.isEmpty()) {
            return Hql.of("");
        }
        return Hql.of(" left join (select ad.id as uid from UserEntity ad where ad.id in (:admins)) admin"
                + " on admin.uid = u.id", "admins", administratorIds);
    }

    /** What {@link #administratorJoin} adds to a user's row. */
    static List<String> administratorKeys(List<String> administratorIds) {
        return administratorIds.isEmpty() ? List.of() : List.of("admin.uid");
    }

    /**
     * Whom the policy covers, among the enabled people of the realm (every statement selects only those, see
     * {@link RegisteredFactors#people()}).
     */
    Hql inScope() {
        return switch (rule.scope()) {
            case NONE -> Hql.FALSE;
            case ALL -> Hql.TRUE;
            case GROUP -> groupScoped() ? Hql.of(prefix + "scope.uid is not null") : Hql.FALSE;
        };
    }

    /** In scope and registered for enough distinct methods to reset; administrators by their stricter rule. */
    Hql capable() {
        Hql users = Hql.of(factors.count(factorsOf(rule.userMethods())) + " >= " + rule.usersRequired());
        if (rule.administratorIds().isEmpty()) {
            return inScope().and(users);
        }
        Hql admins = Hql.of(factors.count(factorsOf(rule.adminMethods())) + " >= " + rule.adminsRequired());
        Hql notAdmin = Hql.of("admin.uid is null");
        Hql admin = Hql.of("admin.uid is not null");
        return inScope().and(notAdmin.and(users).or(admin.and(admins)));
    }

    private boolean groupScoped() {
        return rule.scope() == SsprScope.GROUP && !rule.scopeGroupIds().isEmpty();
    }

    private static Set<Factor> factorsOf(MethodEvidence methods) {
        return new LinkedHashSet<>(methods.factors().values());
    }
}
