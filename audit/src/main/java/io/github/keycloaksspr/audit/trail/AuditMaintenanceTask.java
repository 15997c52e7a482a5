package io.github.keycloaksspr.audit.trail;

import java.time.Duration;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.credential.ContactHealthRates;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Keeps the audit trail: deletes rows (and daily counts) older than the retention period, then rolls up the days
 * that ended; and counts each realm's unreachable contacts ({@link ContactHealthRates}). Run by one node at a time
 * (cluster-aware runner), in one transaction.
 */
public final class AuditMaintenanceTask implements ScheduledTask {

    public static final String NAME = "sspr-audit-maintenance";
    private static final Logger LOG = Logger.getLogger(AuditMaintenanceTask.class);

    private final Duration retention;

    public AuditMaintenanceTask(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void run(KeycloakSession session) {
        // Retention follows Keycloak's clock (which the test framework can move)...
        long cutoff = Time.currentTimeMillis() - retention.toMillis();
        int purged = new AuditTrail(session).purgeBefore(cutoff);
        AuditRollup rollup = new AuditRollup(session);
        rollup.purgeBefore(cutoff);
        // ...the rollup follows the wall clock: a moved clock must never mark days as counted before their rows exist.
        long openDay = rollup.rollUp(System.currentTimeMillis());
        // How often each realm's contacts are marked unreachable: what its stand-ins' contacts are marked with.
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        session.realms().getRealmsStream().forEach(realm -> ContactHealthRates.refresh(em, realm));
        LOG.debugf("SSPR: purged %d audit rows older than %d days; days before %d rolled up", purged,
                retention.toDays(), openDay);
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
