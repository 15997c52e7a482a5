package io.github.keycloaksspr.core.expiry;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;

/**
 * The realm's passwords that expire within a horizon, found in SQL (no user is loaded), a page at a time by user id,
 * from two sources: Keycloak's <em>Expire Password</em> policy over the password credentials, and Active Directory's
 * computed expiry ({@code msDS-UserPasswordExpiryTimeComputed}) that an LDAP attribute mapper imports into the user
 * attribute {@value #DIRECTORY_EXPIRY_ATTRIBUTE} of directory users. Only enabled people (no service account); a local
 * user's reminder goes to a verified address only (a directory user's address is the directory's). The reminders send from
 * it, the insights count upcoming expiries with it.
 */
public final class ExpiringPasswords {

    public static final int PAGE = 1_000;
    public static final long DAY_MILLIS = 86_400_000L;
    /** Where the LDAP attribute mapper puts AD's {@code msDS-UserPasswordExpiryTimeComputed}. */
    public static final String DIRECTORY_EXPIRY_ATTRIBUTE = "sspr-ad-password-expiry";
    public static final String KEYCLOAK = "keycloak";
    public static final String DIRECTORY = "directory";
    /** Milliseconds between 1601-01-01 (Windows file time) and 1970-01-01. */
    private static final long FILETIME_EPOCH_MILLIS = 11_644_473_600_000L;
    /** File times of this century have 18 digits: as text they compare as numbers ("never": 19 digits; "now": 0). */
    private static final int FILETIME_DIGITS = 18;

    /**
     * A password about to expire: whose, where the reminder goes, what identifies this password (its creation, or
     * the directory's expiry: a new password has a new one), when it expires, and which source said so.
     */
    public record Expiring(String userId, String username, String email, long stamp, long expiresAt, String source) {
    }

    private final EntityManager em;
    private final RealmModel realm;

    public ExpiringPasswords(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
    }

    /** Days a password lives in this realm, or 0 when the realm lets passwords live for ever. */
    public static int lifetimeDays(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        int days = policy == null ? -1 : policy.getDaysToExpirePassword();
        return Math.max(days, 0);
    }

    /** Every expiry of both sources in {@code (now, now + horizon]}, a page at a time, to {@code each}. */
    public void forEachPage(long now, int horizonDays, Consumer<List<Expiring>> each) {
        int lifetimeDays = lifetimeDays(realm);
        if (lifetimeDays > 0) {
            pages(after -> keycloakPage(now, lifetimeDays, horizonDays, after), each);
        }
        pages(after -> directoryPage(now, horizonDays, after), each);
    }

    private static void pages(Function<String, List<Expiring>> page, Consumer<List<Expiring>> each) {
        List<Expiring> next;
        String after = null;
        do {
            next = page.apply(after);
            if (!next.isEmpty()) {
                each.accept(next);
                after = next.get(next.size() - 1).userId();
            }
        } while (next.size() == PAGE);
    }

    /** Keycloak's passwords expiring in {@code (now, now + horizon]}, the page after {@code afterUserId}. */
    List<Expiring> keycloakPage(long now, int lifetimeDays, int horizonDays, String afterUserId) {
        long lifetime = lifetimeDays * DAY_MILLIS;
        List<Object[]> rows = em.createQuery("select u.id, u.username, u.email, c.createdDate"
                        + " from CredentialEntity c join c.user u"
                        + " where u.realmId = :realm and c.type = 'password' and u.enabled = true"
                        + " and u.serviceAccountClientLink is null and u.emailVerified = true"
                        + " and c.createdDate > :setAfter and c.createdDate <= :setBefore"
                        + " and u.id > :after order by u.id", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("setAfter", now - lifetime)
                .setParameter("setBefore", now - lifetime + horizonDays * DAY_MILLIS)
                .setParameter("after", afterUserId == null ? "" : afterUserId)
                .setMaxResults(PAGE)
                .getResultList();
        return rows.stream().map(r -> new Expiring((String) r[0], (String) r[1], (String) r[2], (Long) r[3],
                (Long) r[3] + lifetime, KEYCLOAK)).toList();
    }

    /** The directory's expiries in {@code (now, now + horizon]}, the page after {@code afterUserId}. */
    List<Expiring> directoryPage(long now, int horizonDays, String afterUserId) {
        List<Object[]> rows = em.createQuery("select u.id, u.username, u.email, a.value"
                        + " from UserAttributeEntity a join a.user u"
                        + " where u.realmId = :realm and a.name = :name and u.enabled = true"
                        + " and u.federationLink is not null and u.serviceAccountClientLink is null"
                        + " and length(a.value) = :digits and a.value > :from and a.value <= :to"
                        + " and u.id > :after order by u.id", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("name", DIRECTORY_EXPIRY_ATTRIBUTE)
                .setParameter("digits", FILETIME_DIGITS)
                .setParameter("from", fileTime(now))
                .setParameter("to", fileTime(now + horizonDays * DAY_MILLIS))
                .setParameter("after", afterUserId == null ? "" : afterUserId)
                .setMaxResults(PAGE)
                .getResultList();
        // Only the directory's own values: a user's own attribute of that name (where users may write attributes) is
        // never read, and a value that is not a file time is skipped.
        return rows.stream().filter(r -> ((String) r[3]).chars().allMatch(Character::isDigit)).map(r -> {
            long fileTime = Long.parseLong((String) r[3]);
            return new Expiring((String) r[0], (String) r[1], (String) r[2], fileTime,
                    fileTime / 10_000 - FILETIME_EPOCH_MILLIS, DIRECTORY);
        }).toList();
    }

    /** Epoch milliseconds as AD's 100-nanosecond intervals since 1601, as the 18 digits AD writes. */
    public static String fileTime(long epochMillis) {
        return Long.toString((epochMillis + FILETIME_EPOCH_MILLIS) * 10_000);
    }
}
