package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How far the realm's users can reset: users in scope; <b>capable</b> ones, registered for as many distinct methods
 * as the policy asks (what Entra calls registered); <b>confirmed</b> ones, who confirmed their security info within
 * the reconfirm period; users in scope per method; and the same per group. Two SQL statements over one row per user,
 * whatever the number of users: the figures, and the groups.
 */
public final class RegistrationCoverage {

    static final int TOP_GROUPS = 50;

    private final EntityManager em;
    private final CoverageRule rule;
    private final RegisteredFactors factors;
    private final CoverageSql sql;

    private RegistrationCoverage(EntityManager em, CoverageRule rule, RegisteredFactors factors) {
        this.em = em;
        this.rule = rule;
        this.factors = factors;
        this.sql = new CoverageSql(rule, factors, "t");
    }

    public static RegistrationCoverage of(KeycloakSession session, EntityManager em, RealmModel realm,
                                          SsprPolicy policy) {
        return new RegistrationCoverage(em, CoverageRule.of(session, realm, policy),
                RegisteredFactors.forRealm(session, realm));
    }

    public Map<String, Object> report(long nowSeconds) {
        List<String> methods = rule.userMethods().ids();
        List<String> sums = new ArrayList<>(List.of("sum(x.inScope)", "sum(x.capable)", "sum(x.confirmed)"));
        for (int i = 0; i < methods.size(); i++) {
            sums.add("sum(x.method" + i + ")");
        }
        Hql query = Hql.of("select " + String.join(", ", sums) + " from (").then(perUser(nowSeconds, methods))
                .then(Hql.of(") x"));
        Object[] row = query.bind(em.createQuery(query.text(), Object[].class)).getSingleResult();

        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("scope", rule.scope().name());
        coverage.put("methodsRequired", rule.usersRequired());
        coverage.put("usersInScope", number(row[0]));
        coverage.put("capable", number(row[1]));
        coverage.put("confirmed", number(row[2]));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            byMethod.put(methods.get(i), number(row[3 + i]));
        }
        coverage.put("byMethod", byMethod);
        coverage.put("byGroup", byGroup(nowSeconds));
        return coverage;
    }

    /** The largest groups: members (enabled people), capable members and confirmed members. */
    private List<Map<String, Object>> byGroup(long nowSeconds) {
        Hql query = Hql.of("select g.name, count(x.uid), sum(x.capable), sum(x.confirmed) from (")
                .then(perUser(nowSeconds, List.of()))
                .then(Hql.of(") x join UserGroupMembershipEntity m on m.user.id = x.uid join GroupEntity g"
                        + " on g.id = m.groupId where g.realm = :realm group by g.id, g.name"
                        + " order by count(x.uid) desc, g.name", "realm", rule.realmId()));
        List<Map<String, Object>> groups = new ArrayList<>();
        query.bind(em.createQuery(query.text(), Object[].class)).setMaxResults(TOP_GROUPS).getResultList()
                .forEach(row -> {
                    Map<String, Object> group = new LinkedHashMap<>();
                    group.put("group", row[0]);
                    group.put("members", number(row[1]));
                    group.put("capable", number(row[2]));
                    group.put("confirmed", number(row[3]));
                    groups.add(group);
                });
        return groups;
    }

    /** One row per enabled person: 0/1 for in scope, capable, confirmed, and registered for each method. */
    private Hql perUser(long nowSeconds, List<String> methods) {
        Hql inScope = sql.inScope();
        List<Hql> columns = new ArrayList<>(List.of(Hql.of("u.id as uid"),
                inScope.within("case when %s then 1 else 0 end as inScope"),
                sql.capable().within("case when %s then 1 else 0 end as capable"),
                inScope.and(confirmed(nowSeconds)).within("case when %s then 1 else 0 end as confirmed")));
        for (int i = 0; i < methods.size(); i++) {
            Factor factor = factors.methods().factorOf(methods.get(i));
            columns.add(inScope.and(Hql.of(factors.flag(factor) + " = 1"))
                    .within("case when %s then 1 else 0 end as method" + i));
        }
        List<String> keys = new ArrayList<>(sql.groupKeys());
        keys.addAll(CoverageSql.administratorKeys(rule.administratorIds()));
        return Hql.of("select ").then(Hql.join(", ", columns)).then(Hql.of(" "))
                .then(factors.from(sql.joins().then(CoverageSql.administratorJoin(rule.administratorIds()))))
                .then(Hql.of(" where ")).then(factors.people()).then(Hql.of(factors.groupBy(keys)));
    }

    /** The user {@code u} confirmed within the reconfirm period (ever, when confirmations do not expire). */
    private Hql confirmed(long nowSeconds) {
        if (rule.reconfirmDays() <= 0) {
            return Hql.of("st.confirmedAt is not null");
        }
        return Hql.of("st.confirmedAt >= :confirmedSince", "confirmedSince",
                nowSeconds - rule.reconfirmDays() * 86_400L);
    }

    /** A sum over no rows is null. */
    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
