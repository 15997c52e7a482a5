package io.github.keycloaksspr.audit.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.authenticators.flow.SsprPolicyLocator;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.policy.SsprScope;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Usage and insights of one realm, every figure one aggregate SQL query (no user is loaded): registration coverage
 * (now), and for a time range the resets and unlocks per day, success per method, top failure reasons and counts per
 * activity.
 */
final class Insights {

    static final String CONFIRMED_AT = "sspr.confirmedAt";
    static final List<String> METHOD_TYPES = List.of("sspr-mobile-phone", "sspr-alternate-email",
            "sspr-security-questions", "otp", "webauthn-passwordless", "webauthn");
    static final List<String> BLOCKING_REASONS = List.of("user_not_found", "user_disabled", "out_of_scope",
            "not_registered", "guest_account");
    static final int TOP_REASONS = 10;
    static final int TOP_GROUPS = 50;
    private static final long DAY_MS = 86_400_000L;

    private final KeycloakSession session;
    private final EntityManager em;
    private final RealmModel realm;

    Insights(KeycloakSession session, EntityManager em, RealmModel realm) {
        this.session = session;
        this.em = em;
        this.realm = realm;
    }

    Map<String, Object> report(TimeRange range) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("realm", realm.getName());
        report.put("from", range.from());
        report.put("to", range.to());
        report.put("registration", registration());
        report.put("resetsPerDay", perDay(AuditActivity.RESET, range));
        report.put("unlocksPerDay", perDay(AuditActivity.UNLOCK, range));
        report.put("methods", methods(range));
        report.put("topFailureReasons", topFailureReasons(range));
        report.put("activities", activities(range));
        return report;
    }

    private Map<String, Object> registration() {
        SsprPolicy policy = SsprPolicyLocator.policyOfRealm(realm);
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("scope", policy.scope().name());
        String groupId = null;
        if (policy.scope() == SsprScope.GROUP) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, policy.scopeGroup());
            groupId = group == null ? "-" : group.getId();
        }
        long inScope;
        long registered;
        if (policy.scope() == SsprScope.NONE) {
            inScope = 0;
            registered = 0;
        } else if (groupId != null) {
            inScope = count("select count(distinct m.user.id) from UserGroupMembershipEntity m where m.groupId = :g",
                    "g", groupId);
            registered = count("select count(distinct m.user.id) from UserGroupMembershipEntity m, UserAttributeEntity a"
                    + " where m.groupId = :g and a.user = m.user and a.name = '" + CONFIRMED_AT + "'", "g", groupId);
        } else {
            inScope = count("select count(u) from UserEntity u where u.realmId = :realm"
                    + " and u.serviceAccountClientLink is null", "realm", realm.getId());
            registered = count("select count(distinct a.user.id) from UserAttributeEntity a where a.user.realmId = :realm"
                    + " and a.name = '" + CONFIRMED_AT + "'", "realm", realm.getId());
        }
        coverage.put("usersInScope", inScope);
        coverage.put("registered", registered);
        Map<String, Long> byMethod = new TreeMap<>();
        METHOD_TYPES.forEach(t -> byMethod.put(t, 0L));
        em.createQuery("select c.type, count(distinct c.user.id) from CredentialEntity c where c.user.realmId = :realm"
                        + " and c.type in :types group by c.type", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("types", METHOD_TYPES)
                .getResultList().forEach(row -> byMethod.put((String) row[0], ((Number) row[1]).longValue()));
        coverage.put("byMethod", byMethod);
        List<Map<String, Object>> byGroup = new ArrayList<>();
        em.createQuery("select g.name, count(distinct m.user.id), count(distinct a.user.id) from GroupEntity g"
                        + " join UserGroupMembershipEntity m on m.groupId = g.id"
                        + " left join UserAttributeEntity a on a.user = m.user and a.name = '" + CONFIRMED_AT + "'"
                        + " where g.realm = :realm group by g.id, g.name order by count(distinct m.user.id) desc, g.name",
                        Object[].class)
                .setParameter("realm", realm.getId()).setMaxResults(TOP_GROUPS)
                .getResultList().forEach(row -> byGroup.add(ordered("group", row[0], "members",
                        ((Number) row[1]).longValue(), "registered", ((Number) row[2]).longValue())));
        coverage.put("byGroup", byGroup);
        return coverage;
    }

    private List<Map<String, Object>> perDay(AuditActivity activity, TimeRange range) {
        Map<Long, long[]> days = new TreeMap<>();
        em.createQuery("select a.time / " + DAY_MS + ", a.outcome, count(a) from AuditEntity a"
                        + " where a.realmId = :realm and a.activity = :activity and a.time >= :from and a.time < :to"
                        + " group by a.time / " + DAY_MS + ", a.outcome", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("activity", activity.id())
                .setParameter("from", range.from()).setParameter("to", range.to())
                .getResultList().forEach(row -> {
                    long[] counts = days.computeIfAbsent(((Number) row[0]).longValue(), d -> new long[2]);
                    counts["success".equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue();
                });
        List<Map<String, Object>> result = new ArrayList<>();
        days.forEach((day, counts) -> result.add(ordered("day", LocalDate.ofEpochDay(day).toString(),
                "success", counts[0], "failure", counts[1])));
        return result;
    }

    private List<Map<String, Object>> methods(TimeRange range) {
        Map<String, long[]> methods = new TreeMap<>();
        em.createQuery("select a.method, a.outcome, count(a) from AuditEntity a where a.realmId = :realm"
                        + " and a.activity = :activity and a.step = 'verify-identity' and a.method is not null"
                        + " and (a.reason is null or a.reason not in :blocking)"
                        + " and a.time >= :from and a.time < :to group by a.method, a.outcome", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("activity", AuditActivity.FLOW_PROGRESS.id())
                .setParameter("blocking", BLOCKING_REASONS)
                .setParameter("from", range.from()).setParameter("to", range.to())
                .getResultList().forEach(row -> methods.computeIfAbsent((String) row[0], m -> new long[2])
                        ["success".equals(row[1]) ? 0 : 1] += ((Number) row[2]).longValue());
        List<Map<String, Object>> result = new ArrayList<>();
        methods.forEach((method, counts) -> result.add(ordered("method", method, "success", counts[0],
                "failure", counts[1], "successRate",
                counts[0] + counts[1] == 0 ? 0.0 : (double) counts[0] / (counts[0] + counts[1]))));
        return result;
    }

    private List<Map<String, Object>> topFailureReasons(TimeRange range) {
        List<Map<String, Object>> result = new ArrayList<>();
        em.createQuery("select a.reason, count(a) from AuditEntity a where a.realmId = :realm"
                        + " and a.outcome = 'failure' and a.reason is not null and a.time >= :from and a.time < :to"
                        + " group by a.reason order by count(a) desc, a.reason", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("from", range.from()).setParameter("to", range.to())
                .setMaxResults(TOP_REASONS)
                .getResultList().forEach(row -> result.add(ordered("reason", row[0],
                        "count", ((Number) row[1]).longValue())));
        return result;
    }

    private Map<String, Map<String, Long>> activities(TimeRange range) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        em.createQuery("select a.activity, a.outcome, count(a) from AuditEntity a where a.realmId = :realm"
                        + " and a.time >= :from and a.time < :to group by a.activity, a.outcome", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("from", range.from()).setParameter("to", range.to())
                .getResultList().forEach(row -> result.computeIfAbsent((String) row[0], a -> new TreeMap<>())
                        .put((String) row[1], ((Number) row[2]).longValue()));
        return result;
    }

    private long count(String jpql, String name, String value) {
        return em.createQuery(jpql, Long.class).setParameter(name, value).getSingleResult();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
