package io.github.keycloaksspr.reminders;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;

/**
 * The realm's passwords that Keycloak's <em>Expire Password</em> policy lets expire within a horizon, found in SQL
 * over the credentials (no user is loaded): enabled people (no service account) whose password was set so long ago
 * that it expires after now and at most {@code horizonDays} from now. Read a page at a time, by user id.
 */
final class ExpiringPasswords {

    static final int PAGE = 1_000;
    static final long DAY_MILLIS = 86_400_000L;

    /** A password about to expire: whose, where the reminder goes, since when it is set. */
    record Expiring(String userId, String username, String email, long setAt) {
    }

    private final EntityManager em;
    private final RealmModel realm;

    ExpiringPasswords(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
    }

    /** Days a password lives in this realm, or 0 when the realm lets passwords live for ever. */
    static int lifetimeDays(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        int days = policy == null ? -1 : policy.getDaysToExpirePassword();
        return Math.max(days, 0);
    }

    /** The page after {@code afterUserId} (null: the first) of passwords expiring in {@code (now, now + horizon]}. */
    List<Expiring> page(long now, int lifetimeDays, int horizonDays, String afterUserId) {
        long lifetime = lifetimeDays * DAY_MILLIS;
        List<Object[]> rows = em.createQuery("select u.id, u.username, u.email, c.createdDate"
                        + " from CredentialEntity c join c.user u"
                        + " where u.realmId = :realm and c.type = 'password' and u.enabled = true"
                        + " and u.serviceAccountClientLink is null"
                        + " and c.createdDate > :setAfter and c.createdDate <= :setBefore"
                        + " and u.id > :after order by u.id", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("setAfter", now - lifetime)
                .setParameter("setBefore", now - lifetime + horizonDays * DAY_MILLIS)
                .setParameter("after", afterUserId == null ? "" : afterUserId)
                .setMaxResults(PAGE)
                .getResultList();
        return rows.stream().map(r -> new Expiring((String) r[0], (String) r[1], (String) r[2], (Long) r[3]))
                .toList();
    }
}
