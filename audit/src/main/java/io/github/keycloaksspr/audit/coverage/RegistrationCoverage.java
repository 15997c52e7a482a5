package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How far the realm's users can reset, in aggregate SQL: users in scope; <b>capable</b> ones, registered for as many
 * distinct methods as the policy asks (what Entra calls registered); <b>confirmed</b> ones, who confirmed their
 * security info within the reconfirm period; users in scope per method; and the same per group.
 */
public final class RegistrationCoverage {

    static final int TOP_GROUPS = 50;

    private final EntityManager em;
    private final CoverageRule rule;
    private final CoverageSql sql;

    private RegistrationCoverage(EntityManager em, CoverageRule rule) {
        this.em = em;
        this.rule = rule;
        this.sql = new CoverageSql(rule, "");
    }

    public static RegistrationCoverage of(KeycloakSession session, EntityManager em, RealmModel realm,
                                          SsprPolicy policy) {
        return new RegistrationCoverage(em, CoverageRule.of(session, realm, policy));
    }

    public Map<String, Object> report(long nowSeconds) {
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("scope", rule.scope().name());
        coverage.put("methodsRequired", rule.usersRequired());
        coverage.put("usersInScope", Counting.users(em, sql.inScope()));
        coverage.put("capable", Counting.users(em, sql.capable()));
        coverage.put("confirmed", Counting.users(em, sql.inScope().and(sql.confirmed(nowSeconds))));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        for (String method : rule.userMethods().ids()) {
            byMethod.put(method, Counting.users(em, sql.inScope().and(sql.registered(method))));
        }
        coverage.put("byMethod", byMethod);
        coverage.put("byGroup", byGroup(nowSeconds));
        return coverage;
    }

    /** The largest groups: members (enabled people), capable members and confirmed members. */
    private List<Map<String, Object>> byGroup(long nowSeconds) {
        Hql capable = sql.capable();
        Hql confirmed = sql.inScope().and(sql.confirmed(nowSeconds));
        Hql query = new Hql("select g.name, count(distinct u.id),"
                + " count(distinct case when " + capable.text() + " then u.id end),"
                + " count(distinct case when " + confirmed.text() + " then u.id end)"
                + " from GroupEntity g join UserGroupMembershipEntity m on m.groupId = g.id join m.user u"
                + " where g.realm = :realm and u.serviceAccountClientLink is null and u.enabled = true"
                + " group by g.id, g.name order by count(distinct u.id) desc, g.name", capable.parameters())
                .with("realm", rule.realmId()).withParametersOf(confirmed);
        List<Map<String, Object>> groups = new ArrayList<>();
        query.bind(em.createQuery(query.text(), Object[].class)).setMaxResults(TOP_GROUPS).getResultList()
                .forEach(row -> {
                    Map<String, Object> group = new LinkedHashMap<>();
                    group.put("group", row[0]);
                    group.put("members", ((Number) row[1]).longValue());
                    group.put("capable", ((Number) row[2]).longValue());
                    group.put("confirmed", ((Number) row[3]).longValue());
                    groups.add(group);
                });
        return groups;
    }
}
