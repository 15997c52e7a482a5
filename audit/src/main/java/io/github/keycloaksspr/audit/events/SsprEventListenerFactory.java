package io.github.keycloaksspr.audit.events;

import java.time.Duration;
import java.util.List;

import io.github.keycloaksspr.audit.trail.AuditMaintenanceTask;
import io.github.keycloaksspr.audit.trail.AuditRollup;
import io.github.keycloaksspr.audit.trail.AuditTrail;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Event listener {@value #PROVIDER_ID}, enabled per realm (Realm settings → Events → Event listeners). Server options
 * ({@code --spi-events-listener--sspr--audit-retention-days=180}) set how long audit rows are kept; a cluster-aware
 * task on Keycloak's timer purges older rows and rolls up finished days, on one node at a time.
 */
public final class SsprEventListenerFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "sspr";
    static final String RETENTION_DAYS = "audit-retention-days";
    static final String PURGE_INTERVAL_MINUTES = "audit-purge-interval-minutes";
    static final int DEFAULT_RETENTION_DAYS = 180;
    static final int DEFAULT_PURGE_INTERVAL_MINUTES = 60;

    private static final Logger LOG = Logger.getLogger(SsprEventListenerFactory.class);

    private Duration retention = Duration.ofDays(DEFAULT_RETENTION_DAYS);
    private Duration purgeInterval = Duration.ofMinutes(DEFAULT_PURGE_INTERVAL_MINUTES);

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SsprEventListener(session);
    }

    @Override
    public void init(Config.Scope config) {
        int days = config.getInt(RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
        int minutes = config.getInt(PURGE_INTERVAL_MINUTES, DEFAULT_PURGE_INTERVAL_MINUTES);
        if (days < 1 || minutes < 1) {
            throw new IllegalArgumentException("SSPR: " + RETENTION_DAYS + " and " + PURGE_INTERVAL_MINUTES
                    + " must be at least 1 (got " + days + " and " + minutes + ")");
        }
        retention = Duration.ofDays(days);
        purgeInterval = Duration.ofMinutes(minutes);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            long interval = purgeInterval.toMillis();
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new AuditMaintenanceTask(retention), interval),
                    interval, AuditMaintenanceTask.NAME);
        }
        // A deleted realm takes its audit rows with it.
        factory.register(event -> {
            if (event instanceof RealmModel.RealmRemovedEvent removed) {
                new AuditTrail(removed.getKeycloakSession()).purgeRealm(removed.getRealm().getId());
                new AuditRollup(removed.getKeycloakSession()).purgeRealm(removed.getRealm().getId());
            }
        });
        LOG.debugf("SSPR: audit rows kept %d days, purged every %d minutes", retention.toDays(),
                purgeInterval.toMinutes());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(RETENTION_DAYS).type("int")
                .helpText("Days an SSPR audit row is kept.").defaultValue(DEFAULT_RETENTION_DAYS).add()
                .property().name(PURGE_INTERVAL_MINUTES).type("int")
                .helpText("Minutes between runs of the audit upkeep (purge of expired rows, daily roll-up); one node runs it.")
                .defaultValue(DEFAULT_PURGE_INTERVAL_MINUTES).add()
                .build();
    }

    @Override
    public void close() {
        // the timer task is Keycloak's to stop
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
