package io.github.keycloaksspr.audit.trail;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Daily counts of {@code SSPR_AUDIT} in {@code SSPR_AUDIT_DAILY}, so that a report over months reads a few thousand
 * counts instead of millions of rows. Only complete days are rolled up, once each (the mark says up to which day);
 * rows of later days and the edges of a requested range are counted from {@code SSPR_AUDIT} itself.
 */
public final class AuditRollup {

    public static final long DAY_MS = 86_400_000L;
    /** A day is rolled up once it ended this long ago: time for the last transactions of that day to commit. */
    static final long SETTLE_MS = 3_600_000L;
    static final String MARK_ID = "daily";

    private final EntityManager em;

    public AuditRollup(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The first day not rolled up yet (epoch day); rows from this day on are counted live. */
    public long firstOpenDay() {
        List<?> mark = em.createNativeQuery("SELECT UP_TO_DAY FROM SSPR_AUDIT_ROLLUP_MARK WHERE ID = ?1")
                .setParameter(1, MARK_ID).getResultList();
        return mark.isEmpty() ? Long.MIN_VALUE : ((Number) mark.get(0)).longValue();
    }

    /** Rolls up every complete, settled day after the mark; returns the new first open day. */
    public long rollUp(long nowMs) {
        long upTo = Math.floorDiv(nowMs - SETTLE_MS, DAY_MS);
        long from = firstOpenDay();
        if (from == Long.MIN_VALUE) {
            List<?> oldest = em.createNativeQuery("SELECT MIN(EVENT_TIME) FROM SSPR_AUDIT").getResultList();
            Object min = oldest.isEmpty() ? null : oldest.get(0);
            from = min == null ? upTo : Math.floorDiv(((Number) min).longValue(), DAY_MS);
        }
        if (from < upTo) {
            // Idempotent: a day is recomputed whole, never added to.
            em.createNativeQuery("DELETE FROM SSPR_AUDIT_DAILY WHERE EVENT_DAY >= ?1 AND EVENT_DAY < ?2")
                    .setParameter(1, from).setParameter(2, upTo).executeUpdate();
            em.createNativeQuery("INSERT INTO SSPR_AUDIT_DAILY (REALM_ID, EVENT_DAY, ACTIVITY, STEP, METHOD, OUTCOME,"
                            + " REASON, ENTRY_COUNT) SELECT REALM_ID, FLOOR(EVENT_TIME / " + DAY_MS + "), ACTIVITY,"
                            + " COALESCE(STEP, ''), COALESCE(METHOD, ''), OUTCOME, COALESCE(REASON, ''), COUNT(*)"
                            + " FROM SSPR_AUDIT WHERE EVENT_TIME >= ?1 AND EVENT_TIME < ?2"
                            + " GROUP BY REALM_ID, FLOOR(EVENT_TIME / " + DAY_MS + "), ACTIVITY, COALESCE(STEP, ''),"
                            + " COALESCE(METHOD, ''), OUTCOME, COALESCE(REASON, '')")
                    .setParameter(1, from * DAY_MS).setParameter(2, upTo * DAY_MS).executeUpdate();
        }
        long next = Math.max(from, upTo);
        int updated = em.createNativeQuery("UPDATE SSPR_AUDIT_ROLLUP_MARK SET UP_TO_DAY = ?1 WHERE ID = ?2")
                .setParameter(1, next).setParameter(2, MARK_ID).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO SSPR_AUDIT_ROLLUP_MARK (ID, UP_TO_DAY) VALUES (?1, ?2)")
                    .setParameter(1, MARK_ID).setParameter(2, next).executeUpdate();
        }
        return next;
    }

    /** Daily counts of a realm for the days {@code [fromDay, toDay)}. */
    public List<AuditCount> daily(String realmId, long fromDay, long toDay) {
        List<AuditCount> counts = new ArrayList<>();
        List<?> rows = em.createNativeQuery("SELECT EVENT_DAY, ACTIVITY, STEP, METHOD, OUTCOME, REASON, ENTRY_COUNT"
                        + " FROM SSPR_AUDIT_DAILY WHERE REALM_ID = ?1 AND EVENT_DAY >= ?2 AND EVENT_DAY < ?3")
                .setParameter(1, realmId).setParameter(2, fromDay).setParameter(3, toDay).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.add(new AuditCount(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], ((Number) r[6]).longValue()));
        }
        return counts;
    }

    /** Counts of a realm's rows in {@code [fromMs, toMs)}, straight from {@code SSPR_AUDIT}, grouped per day. */
    public List<AuditCount> live(String realmId, long fromMs, long toMs) {
        List<AuditCount> counts = new ArrayList<>();
        if (fromMs >= toMs) {
            return counts;
        }
        em.createQuery("select a.time / " + DAY_MS + ", a.activity, a.step, a.method, a.outcome, a.reason, count(a)"
                        + " from AuditEntity a where a.realmId = :realm and a.time >= :from and a.time < :to"
                        + " group by a.time / " + DAY_MS + ", a.activity, a.step, a.method, a.outcome, a.reason",
                        Object[].class)
                .setParameter("realm", realmId).setParameter("from", fromMs).setParameter("to", toMs)
                .getResultList().forEach(r -> counts.add(new AuditCount(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], ((Number) r[6]).longValue())));
        return counts;
    }

    /** Everything of a realm in {@code [fromMs, toMs)}: rolled-up whole days plus live edges and open days. */
    public List<AuditCount> counts(String realmId, long fromMs, long toMs) {
        long firstWholeDay = Math.floorDiv(fromMs + DAY_MS - 1, DAY_MS);
        long endWholeDay = Math.min(Math.floorDiv(toMs, DAY_MS), firstOpenDay());
        List<AuditCount> counts = new ArrayList<>();
        if (firstWholeDay < endWholeDay) {
            counts.addAll(live(realmId, fromMs, firstWholeDay * DAY_MS));
            counts.addAll(daily(realmId, firstWholeDay, endWholeDay));
            counts.addAll(live(realmId, endWholeDay * DAY_MS, toMs));
        } else {
            counts.addAll(live(realmId, fromMs, toMs));
        }
        return counts;
    }

    /** Drops daily counts of days before {@code beforeMs}. */
    public int purgeBefore(long beforeMs) {
        return em.createNativeQuery("DELETE FROM SSPR_AUDIT_DAILY WHERE EVENT_DAY < ?1")
                .setParameter(1, Math.floorDiv(beforeMs, DAY_MS)).executeUpdate();
    }

    public int purgeRealm(String realmId) {
        return em.createNativeQuery("DELETE FROM SSPR_AUDIT_DAILY WHERE REALM_ID = ?1")
                .setParameter(1, realmId).executeUpdate();
    }
}
