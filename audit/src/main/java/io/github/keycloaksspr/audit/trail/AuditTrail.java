package io.github.keycloaksspr.audit.trail;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Writes and reads {@code SSPR_AUDIT} through Keycloak's entity manager, inside the request's transaction. */
public final class AuditTrail {

    private final EntityManager em;

    public AuditTrail(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void record(AuditEntry entry) {
        AuditEntity row = new AuditEntity();
        row.setId(UUID.randomUUID().toString());
        row.setRealmId(entry.realmId());
        row.setTime(entry.time());
        row.setUserId(entry.userId());
        row.setUsername(entry.username());
        row.setActivity(entry.activity().id());
        row.setStep(entry.step());
        row.setMethod(entry.method());
        row.setOutcome(entry.outcome());
        row.setReason(entry.reason());
        row.setClientIp(entry.clientIp());
        em.persist(row);
    }

    /**
     * A realm's rows in {@code [from, to)} (epoch ms), newest first, optionally of one user (id or username at the
     * time) and one activity.
     */
    public List<AuditEntry> find(AuditFilter filter, int first, int max) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntity a where a.realmId = :realm"
                + " and a.time >= :from and a.time < :to");
        if (filter.user() != null) {
            jpql.append(" and (a.userId = :user or a.username = :user)");
        }
        if (filter.activity() != null) {
            jpql.append(" and a.activity = :activity");
        }
        jpql.append(" order by a.time desc, a.id");
        TypedQuery<AuditEntity> query = em.createQuery(jpql.toString(), AuditEntity.class)
                .setParameter("realm", filter.realmId())
                .setParameter("from", filter.from())
                .setParameter("to", filter.to())
                .setFirstResult(first)
                .setMaxResults(max);
        if (filter.user() != null) {
            query.setParameter("user", filter.user());
        }
        if (filter.activity() != null) {
            query.setParameter("activity", filter.activity().id());
        }
        return query.getResultList().stream().map(AuditTrail::entry).toList();
    }

    /** Deletes a realm-independent slice: every row older than {@code before} (epoch ms); returns how many. */
    public int purgeBefore(long before) {
        return em.createQuery("delete from AuditEntity a where a.time < :before")
                .setParameter("before", before).executeUpdate();
    }

    /** Removes every row of a deleted realm. */
    public int purgeRealm(String realmId) {
        return em.createQuery("delete from AuditEntity a where a.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }

    private static AuditEntry entry(AuditEntity row) {
        return new AuditEntry(row.getRealmId(), row.getTime(), row.getUserId(), row.getUsername(),
                AuditActivity.fromId(row.getActivity()).orElse(AuditActivity.FLOW_PROGRESS), row.getStep(),
                row.getMethod(), row.getOutcome(), row.getReason(), row.getClientIp());
    }
}
