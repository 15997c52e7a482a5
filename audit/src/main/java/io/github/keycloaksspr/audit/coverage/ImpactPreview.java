package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a policy change would do before it is made: who can reset today and who could under the proposal (methods,
 * number required, scope), and by name who would lose self-service reset, with the methods they have registered, so
 * that the help desk can ask them to register more first. Every figure is one SQL statement over both policies.
 */
public final class ImpactPreview {

    /** User ids per statement when reading the registered methods of a list of users. */
    static final int CHUNK = 500;

    private final EntityManager em;
    private final CoverageRule today;
    private final CoverageRule proposed;
    private final CoverageSql todaySql;
    private final CoverageSql proposedSql;
    private final MethodEvidence everyMethod;

    private ImpactPreview(EntityManager em, CoverageRule today, CoverageRule proposed, MethodEvidence everyMethod) {
        this.em = em;
        this.today = today;
        this.proposed = proposed;
        this.todaySql = new CoverageSql(today, "t");
        this.proposedSql = new CoverageSql(proposed, "p");
        this.everyMethod = everyMethod;
    }

    public static ImpactPreview of(KeycloakSession session, EntityManager em, RealmModel realm, SsprPolicy today,
                                   SsprPolicy proposal) {
        List<SsprMethod> every = SsprMethodIds.ALL.stream().map(id -> session.getProvider(SsprMethod.class, id))
                .filter(Objects::nonNull).toList();
        return new ImpactPreview(em, CoverageRule.of(session, realm, today), CoverageRule.of(session, realm, proposal),
                MethodEvidence.of(every));
    }

    /** A user who could reset today and could not under the proposal, and the methods the user has registered. */
    public record LosingUser(String id, String username, List<String> methods) {
    }

    /** Both policies' figures, how many lose and gain self-service reset, and a page of those who lose it. */
    public Map<String, Object> summary(int first, int max) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("today", figures(today, todaySql));
        summary.put("proposed", figures(proposed, proposedSql));
        summary.put("losingSspr", Counting.users(em, losing()));
        summary.put("gainingSspr", Counting.users(em, proposedSql.capable().and(todaySql.capable().within("not %s"))));
        summary.put("losing", losingUsers(first, max));
        return summary;
    }

    /** Everybody who would lose self-service reset, by username. */
    public List<LosingUser> allLosingUsers() {
        return losingUsers(0, Integer.MAX_VALUE);
    }

    private Hql losing() {
        return todaySql.capable().and(proposedSql.capable().within("not %s"));
    }

    private List<LosingUser> losingUsers(int first, int max) {
        Hql query = losing().within("select u.id, u.username from UserEntity u where %s order by u.username, u.id");
        List<Object[]> rows = query.bind(em.createQuery(query.text(), Object[].class)).setFirstResult(first)
                .setMaxResults(max).getResultList();
        List<LosingUser> users = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += CHUNK) {
            List<Object[]> chunk = rows.subList(start, Math.min(rows.size(), start + CHUNK));
            Map<String, Set<String>> methods = registeredMethods(chunk.stream().map(r -> (String) r[0]).toList());
            chunk.forEach(r -> users.add(new LosingUser((String) r[0], (String) r[1],
                    List.copyOf(methods.getOrDefault((String) r[0], Set.of())))));
        }
        return users;
    }

    /** The pack's methods each user has registered, in the pack's order of methods. */
    private Map<String, Set<String>> registeredMethods(List<String> userIds) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        if (!everyMethod.credentialTypes().isEmpty()) {
            Hql vetting = new CoverageSql(today, "x").vetting(everyMethod, "all");
            Hql credentials = new Hql("select c.user.id, c.type from CredentialEntity c where c.user.id in (:ids)"
                    + " and c.type in (:types)" + vetting.text(), Map.of("ids", userIds,
                    "types", List.copyOf(everyMethod.credentialTypes()))).withParametersOf(vetting);
            collect(credentials, found);
        }
        if (!everyMethod.attributes().isEmpty()) {
            collect(new Hql("select a.user.id, a.name from UserAttributeEntity a where a.user.id in (:ids)"
                    + " and a.name in (:names) and length(a.value) > 0", Map.of("ids", userIds,
                    "names", List.copyOf(everyMethod.attributes()))), found);
        }
        Map<String, Set<String>> ordered = new LinkedHashMap<>();
        found.forEach((user, methods) -> {
            Set<String> inOrder = new LinkedHashSet<>(everyMethod.ids());
            inOrder.retainAll(methods);
            ordered.put(user, inOrder);
        });
        return ordered;
    }

    private void collect(Hql query, Map<String, Set<String>> found) {
        query.bind(em.createQuery(query.text(), Object[].class)).getResultList().forEach(row ->
                found.computeIfAbsent((String) row[0], u -> new LinkedHashSet<>())
                        .addAll(everyMethod.methodsRegisteredBy((String) row[1])));
    }

    private Map<String, Object> figures(CoverageRule rule, CoverageSql sql) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scope", rule.scope().name());
        figures.put("scopeGroup", rule.policy().scopeGroup());
        figures.put("methods", rule.policy().methods());
        figures.put("methodsRequired", rule.usersRequired());
        figures.put("usersInScope", Counting.users(em, sql.inScope()));
        figures.put("capable", Counting.users(em, sql.capable()));
        return figures;
    }
}
