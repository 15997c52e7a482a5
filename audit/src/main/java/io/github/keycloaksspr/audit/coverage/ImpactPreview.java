package io.github.keycloaksspr.audit.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What a policy change would do before it is made: who can reset today and who could under the proposal (methods,
 * number required, scope), and by name who would lose self-service reset, with the methods they have registered, so
 * that the help desk can ask them to register more first. One SQL statement over both policies, whatever the number
 * of users.
 */
public final class ImpactPreview {

    private final EntityManager em;
    private final CoverageRule today;
    private final CoverageRule proposed;
    private final RegisteredFactors factors;
    private final CoverageSql todaySql;
    private final CoverageSql proposedSql;

    private ImpactPreview(EntityManager em, CoverageRule today, CoverageRule proposed, RegisteredFactors factors) {
        this.em = em;
        this.today = today;
        this.proposed = proposed;
        this.factors = factors;
        this.todaySql = new CoverageSql(today, factors, "t");
        this.proposedSql = new CoverageSql(proposed, factors, "p");
    }

    public static ImpactPreview of(KeycloakSession session, EntityManager em, RealmModel realm, SsprPolicy today,
                                   SsprPolicy proposal) {
        if (!Objects.equals(today.adminRole(), proposal.adminRole())
                || !Objects.equals(today.adminGroup(), proposal.adminGroup())) {
            throw new IllegalArgumentException("a proposal keeps today's administrators");
        }
        List<String> administrators = CoverageRule.administrators(session, realm, today);
        return new ImpactPreview(em, CoverageRule.of(session, realm, today, administrators),
                CoverageRule.of(session, realm, proposal, administrators), RegisteredFactors.forRealm(session, realm));
    }

    /** A user who could reset today and could not under the proposal, and the methods the user has registered. */
    public record LosingUser(String id, String username, List<String> methods) {
    }

    /**
     * Both policies' figures, how many lose and gain self-service reset, and a page of those who lose it, in one pass:
     * the figures are window counts over every person, the rows are ordered losing users first.
     */
    public Map<String, Object> summary(int first, int max) {
        List<Hql> figures = List.of(todaySql.inScope(), todaySql.capable(), proposedSql.inScope(),
                proposedSql.capable(), losing(), proposedSql.capable().and(todaySql.capable().within("not %s")));
        List<Hql> items = new ArrayList<>(userColumns());
        items.add(losing().within("case when %s then 1 else 0 end"));
        figures.forEach(figure -> items.add(figure.within("count(case when %s then 1 end) over ()")));
        Hql query = select(Hql.join(", ", items))
                .then(losing().within(" order by case when %s then 0 else 1 end, u.username, u.id"));
        List<Object[]> rows = query.bind(em.createQuery(query.text(), Object[].class)).setFirstResult(first)
                .setMaxResults(max).getResultList();
        int counts = userColumns().size() + 1;
        long[] figure = new long[figures.size()];
        if (rows.isEmpty() && first > 0) {
            // A page past the last person carries no figures: take them from the first row.
            Map<String, Object> figuresOnly = summary(0, 1);
            figuresOnly.put("losing", List.of());
            return figuresOnly;
        }
        if (!rows.isEmpty()) {
            for (int i = 0; i < figure.length; i++) {
                figure[i] = ((Number) rows.get(0)[counts + i]).longValue();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("today", figures(today, figure[0], figure[1]));
        summary.put("proposed", figures(proposed, figure[2], figure[3]));
        summary.put("losingSspr", figure[4]);
        summary.put("gainingSspr", figure[5]);
        summary.put("losing", rows.stream().filter(row -> ((Number) row[counts - 1]).intValue() == 1)
                .map(this::losingUser).toList());
        return summary;
    }

    /** Everybody who would lose self-service reset, by username. */
    public List<LosingUser> allLosingUsers() {
        Hql query = select(Hql.join(", ", userColumns())).then(losing().within(" having %s"))
                .then(Hql.of(" order by u.username, u.id"));
        return query.bind(em.createQuery(query.text(), Object[].class)).getResultList().stream()
                .map(this::losingUser).toList();
    }

    private Hql losing() {
        return todaySql.capable().and(proposedSql.capable().within("not %s"));
    }

    /** Id, username, and a 0/1 flag per factor, from which the registered methods follow. */
    private List<Hql> userColumns() {
        List<Hql> columns = new ArrayList<>(List.of(Hql.of("u.id"), Hql.of("u.username")));
        factorColumns().forEach(factor -> columns.add(Hql.of(factors.flag(factor))));
        return columns;
    }

    private List<Factor> factorColumns() {
        return factors.methods().ids().stream().map(factors.methods()::factorOf).distinct().toList();
    }

    private LosingUser losingUser(Object[] row) {
        List<Factor> columns = factorColumns();
        List<String> registered = factors.methods().ids().stream().filter(method ->
                ((Number) row[2 + columns.indexOf(factors.methods().factorOf(method))]).intValue() == 1).toList();
        return new LosingUser((String) row[0], (String) row[1], registered);
    }

    /** {@code items} of one row per enabled person of the realm, with both policies' joins. */
    private Hql select(Hql items) {
        List<String> keys = new ArrayList<>(todaySql.groupKeys());
        keys.addAll(proposedSql.groupKeys());
        keys.addAll(CoverageSql.administratorKeys(today.administratorIds()));
        return Hql.of("select ").then(items).then(Hql.of(" "))
                .then(factors.from(todaySql.joins().then(proposedSql.joins())
                        .then(CoverageSql.administratorJoin(today.administratorIds()))))
                .then(Hql.of(" where ")).then(factors.people()).then(Hql.of(factors.groupBy(keys)));
    }

    private static Map<String, Object> figures(CoverageRule rule, long inScope, long capable) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("scope", rule.scope().name());
        figures.put("scopeGroup", rule.policy().scopeGroup());
        figures.put("methods", rule.policy().methods());
        figures.put("methodsRequired", rule.usersRequired());
        figures.put("usersInScope", inScope);
        figures.put("capable", capable);
        return figures;
    }
}
