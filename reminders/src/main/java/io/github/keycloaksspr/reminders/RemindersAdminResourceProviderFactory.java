package io.github.keycloaksspr.reminders;

import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the daily reminders on Keycloak's timer (one node of the cluster runs each) and mounts
 * {@link RemindersAdminResource} at {@code /admin/realms/{realm}/}{@value #PROVIDER_ID}. Options:
 * {@code --spi-admin-realm-restapi-extension--sspr-reminders--interval-minutes} (default a day) and
 * {@code --spi-admin-realm-restapi-extension--sspr-reminders--public-url} (the address links in the mails start with,
 * when a realm has no Frontend URL).
 */
public final class RemindersAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        AdminRealmResourceProvider {

    public static final String PROVIDER_ID = "sspr-reminders";
    static final String INTERVAL_MINUTES = "interval-minutes";
    static final String PUBLIC_URL = "public-url";
    static final int DEFAULT_INTERVAL_MINUTES = 1440;

    private Duration interval = Duration.ofMinutes(DEFAULT_INTERVAL_MINUTES);
    private String publicUrl;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                              AdminEventBuilder adminEvent) {
        return new RemindersAdminResource(session, realm, auth, publicUrl);
    }

    @Override
    public void init(Config.Scope config) {
        int minutes = config.getInt(INTERVAL_MINUTES, DEFAULT_INTERVAL_MINUTES);
        if (minutes < 1) {
            throw new IllegalArgumentException("SSPR: " + INTERVAL_MINUTES + " must be at least 1 (got " + minutes + ")");
        }
        interval = Duration.ofMinutes(minutes);
        publicUrl = config.get(PUBLIC_URL);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            long millis = interval.toMillis();
            session.getProvider(TimerProvider.class).schedule(new ClusterAwareScheduledTaskRunner(factory,
                    new ExpiryReminderTask(publicUrl), millis), millis, ExpiryReminderTask.NAME);
        }
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
