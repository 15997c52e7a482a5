package io.github.keycloaksspr.reminders;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.expiry.ExpiringPasswords;
import io.github.keycloaksspr.core.expiry.ExpiringPasswords.Expiring;
import io.github.keycloaksspr.core.policy.ExpiryReminders;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One realm's reminders of one run: the passwords that reached a threshold, each reminded once per threshold. The
 * thresholds done are rows of {@code SSPR_REMINDER}, each reminder's written in a transaction of its own, whose
 * commit lets its mail and text go: a run on another node at the same moment, or a run after a crash, finds the key
 * taken and sends nothing. Rows of passwords long past their thresholds are forgotten.
 */
final class RealmReminders {

    private static final Logger LOG = Logger.getLogger(RealmReminders.class);
    private static final int ID_SLICE = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final String publicUrl;

    RealmReminders(KeycloakSession session, RealmModel realm, String publicUrl) {
        this.session = session;
        this.realm = realm;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.publicUrl = publicUrl;
    }

    /** Sends what is due at {@code now}; how many users were reminded. */
    int run(long now) {
        Optional<SsprPolicy> policy = ResetPolicyResolver.forRealm(realm, "no password-expiry reminders are sent");
        if (policy.isEmpty() || policy.get().reminders().days().isEmpty()) {
            return 0;
        }
        ExpiryReminders settings = policy.get().reminders();
        ReminderThresholds thresholds = new ReminderThresholds(settings.days());
        int[] reminded = {0};
        new ExpiringPasswords(em, realm).forEachPage(now, settings.horizonDays(), page -> {
            Set<String> done = done(page, thresholds);
            for (Expiring password : page) {
                // Rounded up: 13 days and an hour left is the 14-day reminder's day.
                long daysLeft = -Math.floorDiv(now - password.expiresAt(), ExpiringPasswords.DAY_MILLIS);
                Set<Integer> sent = thresholds.days().stream()
                        .filter(day -> done.contains(SentReminderEntity.idOf(password.userId(), password.stamp(), day)))
                        .collect(Collectors.toSet());
                Optional<Integer> due = thresholds.due(daysLeft, sent);
                if (due.isEmpty()) {
                    continue;
                }
                List<Integer> claim = thresholds.reached(daysLeft).stream().filter(day -> !sent.contains(day))
                        .toList();
                if (remind(password, claim, new ExpiryNotices.Due(due.get(), password.expiresAt(), settings), now)) {
                    reminded[0]++;
                }
            }
        });
        forgetOldRows(now, settings.horizonDays());
        return reminded[0];
    }

    /**
     * Claims the thresholds (their rows, in a transaction of their own) and, when this run got them, sends the
     * reminder after that transaction: another node running at the same moment gets a duplicate key instead, and sends
     * nothing.
     */
    private boolean remind(Expiring password, List<Integer> claim, ExpiryNotices.Due due, long now) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), claiming -> {
                claiming.getContext().setRealm(claiming.realms().getRealm(realm.getId()));
                EntityManager claims = claiming.getProvider(JpaConnectionProvider.class).getEntityManager();
                claim.forEach(day -> claims.persist(new SentReminderEntity(
                        SentReminderEntity.idOf(password.userId(), password.stamp(), day), realm.getId(), now)));
                claims.flush();
                return new ExpiryNotices(claiming, claiming.getContext().getRealm(), due.settings(), publicUrl)
                        .queue(password, due.days(), due.expiry());
            });
        } catch (RuntimeException alreadyClaimed) {
            LOG.debugf("SSPR: the %d-day reminder of user %s in realm %s was sent by another run", due.days(),
                    password.userId(), realm.getName());
            return false;
        }
    }

    /** The ids of thresholds already done for the passwords of this page. */
    private Set<String> done(List<Expiring> page, ReminderThresholds thresholds) {
        if (page.isEmpty()) {
            return Set.of();
        }
        List<String> ids = page.stream().flatMap(p -> thresholds.days().stream()
                .map(day -> SentReminderEntity.idOf(p.userId(), p.stamp(), day))).toList();
        Set<String> done = new HashSet<>();
        // In slices: some databases take at most about 2000 parameters in one statement.
        for (int from = 0; from < ids.size(); from += ID_SLICE) {
            done.addAll(em.createQuery("select r.id from SentReminderEntity r where r.id in :ids", String.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + ID_SLICE))).getResultList());
        }
        return done;
    }

    /** A row is needed only while its password can still reach a threshold: a little longer than the horizon. */
    private void forgetOldRows(long now, int horizonDays) {
        em.createQuery("delete from SentReminderEntity r where r.realmId = :realm and r.sentAt < :before")
                .setParameter("realm", realm.getId())
                .setParameter("before", now - (horizonDays + 2L) * ExpiringPasswords.DAY_MILLIS)
                .executeUpdate();
    }
}
