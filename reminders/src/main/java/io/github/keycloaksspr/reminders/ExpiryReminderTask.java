package io.github.keycloaksspr.reminders;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * The daily run over every realm, by one node of the cluster at a time (Keycloak's cluster-aware runner), in one
 * transaction: a reminder's threshold row and its mail go together or not at all.
 */
final class ExpiryReminderTask implements ScheduledTask {

    static final String NAME = "sspr-expiry-reminders";
    private static final Logger LOG = Logger.getLogger(ExpiryReminderTask.class);

    private final String publicUrl;

    ExpiryReminderTask(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        session.realms().getRealmsStream().forEach(realm -> {
            session.getContext().setRealm(realm);
            int reminded = new RealmReminders(session, realm, publicUrl).run(now);
            if (reminded > 0) {
                LOG.infof("SSPR: %d password-expiry reminders queued in realm %s", reminded, realm.getName());
            }
        });
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
