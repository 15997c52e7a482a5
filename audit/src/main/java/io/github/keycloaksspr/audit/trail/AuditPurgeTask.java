package io.github.keycloaksspr.audit.trail;

import java.time.Duration;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/** Deletes audit rows older than the retention period; run by one node at a time (cluster-aware runner). */
public final class AuditPurgeTask implements ScheduledTask {

    public static final String NAME = "sspr-audit-purge";
    private static final Logger LOG = Logger.getLogger(AuditPurgeTask.class);

    private final Duration retention;

    public AuditPurgeTask(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void run(KeycloakSession session) {
        int purged = new AuditTrail(session).purgeBefore(Time.currentTimeMillis() - retention.toMillis());
        if (purged > 0) {
            LOG.debugf("SSPR: purged %d audit rows older than %d days", purged, retention.toDays());
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
