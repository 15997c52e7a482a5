package io.github.keycloaksspr.reminders;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * The daily run over every realm, by one node of the cluster at a time (Keycloak's cluster-aware runner), each realm
 * in a transaction of its own. A reminder's threshold rows are claimed before its mail and text leave; a send that
 * fails is logged, not retried (the user still has the next threshold).
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
        session.realms().getRealmsStream().map(RealmModel::getId).toList().forEach(realmId -> {
            try {
                // Each realm in a transaction of its own: one realm's trouble never stops another's reminders.
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                    RealmModel realm = own.realms().getRealm(realmId);
                    own.getContext().setRealm(realm);
                    int reminded = new RealmReminders(own, realm, publicUrl).run(now);
                    if (reminded > 0) {
                        LOG.infof("SSPR: %d password-expiry reminders queued in realm %s", reminded, realm.getName());
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("SSPR: password-expiry reminders of realm %s failed this run (%s)", realmId,
                        e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
