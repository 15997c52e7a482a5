package io.github.keycloaksspr.core.state;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The pack's record of each user in {@code SSPR_USER_STATE} and {@code SSPR_VETTED_CREDENTIAL}: read by primary key,
 * written in the request's transaction.
 */
public final class UserStates {

    private final KeycloakSession session;
    private final EntityManager em;

    private UserStates(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public static UserStates of(KeycloakSession session) {
        return new UserStates(session);
    }

    /**
     * Whether a user without a row counts as first seen at the account's creation rather than never: where the realm's
     * user profile lets users write the attributes of older releases, their absence proves nothing either.
     */
    public static boolean unseenUsersSeenAtCreation(KeycloakSession session) {
        return LegacyStateAttributes.userWritable(session);
    }

    /** What is recorded of the user in the session's realm (what the attributes of older releases say, if not yet moved). */
    public UserState find(UserModel user) {
        UserStateEntity row = em.find(UserStateEntity.class, user.getId());
        if (row == null) {
            return LegacyStateAttributes.read(session, user);
        }
        return UserState.of(row, vettedCredentialIds(user.getId()));
    }

    /** Changes the user's row, created first (from the attributes of older releases, else as first seen now). */
    public void update(RealmModel realm, UserModel user, long nowMillis, Consumer<UserStateEntity> change) {
        change.accept(row(realm, user, nowMillis));
    }

    /**
     * The user has security info now, reached at {@code contacts}: remembered, so that registering again after all of
     * it is gone is never a first registration, and is told to these contacts.
     */
    public void registered(RealmModel realm, UserModel user, long nowMillis, List<KnownContact> contacts) {
        UserStateEntity row = row(realm, user, nowMillis);
        if (row.getRegisteredAt() == null) {
            row.setRegisteredAt(nowMillis / 1000);
        }
        String merged = KnownContact.merge(KnownContact.parse(row.getKnownContacts()), contacts,
                UserStateEntity.KNOWN_CONTACTS_LENGTH);
        if (!merged.equals(row.getKnownContacts() == null ? "" : row.getKnownContacts())) {
            row.setKnownContacts(merged.isEmpty() ? null : merged);
        }
    }

    /** Records Keycloak credentials as set up through the security-info page. */
    public void vet(RealmModel realm, UserModel user, long nowMillis, Collection<String> credentialIds) {
        row(realm, user, nowMillis);
        Set<String> known = vettedCredentialIds(user.getId());
        for (String id : credentialIds) {
            if (credentialId(id) && !known.contains(id) && em.find(VettedCredentialEntity.class, id) == null) {
                VettedCredentialEntity vetted = new VettedCredentialEntity();
                vetted.setCredentialId(id);
                vetted.setUserId(user.getId());
                vetted.setRealmId(realm.getId());
                em.persist(vetted);
            }
        }
    }

    /** Moves what the attributes of older releases say of these users into rows. */
    void moveLegacy(RealmModel realm, List<UserModel> users, long nowMillis) {
        for (UserModel user : users) {
            row(realm, user, nowMillis);
        }
    }

    public void forgetUser(String userId) {
        em.createQuery("delete from SsprVettedCredential v where v.userId = :user").setParameter("user", userId)
                .executeUpdate();
        em.createQuery("delete from SsprUserState s where s.userId = :user").setParameter("user", userId)
                .executeUpdate();
    }

    public void forgetRealm(String realmId) {
        em.createQuery("delete from SsprVettedCredential v where v.realmId = :realm").setParameter("realm", realmId)
                .executeUpdate();
        em.createQuery("delete from SsprUserState s where s.realmId = :realm").setParameter("realm", realmId)
                .executeUpdate();
    }

    /**
     * The user's row, created in the request's own transaction if missing (what the attributes of older releases say,
     * else first seen now). Two requests creating the same row at once make one of them fail at commit; it is the same
     * first sight, and the user's next request finds the row.
     */
    private UserStateEntity row(RealmModel realm, UserModel user, long nowMillis) {
        UserStateEntity row = em.find(UserStateEntity.class, user.getId());
        if (row != null) {
            return row;
        }
        UserState legacy = LegacyStateAttributes.read(session, user);
        row = new UserStateEntity();
        row.setUserId(user.getId());
        row.setRealmId(realm.getId());
        row.setVettedUntil(legacy.vettedUntil().orElse(nowMillis));
        row.setConfirmedAt(legacy.confirmedAt().orElse(null));
        row.setPromptedAt(legacy.promptedAt().orElse(null));
        row.setRegisteredAt(legacy.registeredAt().orElse(null));
        em.persist(row);
        for (String id : legacy.vettedCredentialIds()) {
            if (credentialId(id) && em.find(VettedCredentialEntity.class, id) == null) {
                VettedCredentialEntity vetted = new VettedCredentialEntity();
                vetted.setCredentialId(id);
                vetted.setUserId(user.getId());
                vetted.setRealmId(realm.getId());
                em.persist(vetted);
            }
        }
        return row;
    }

    /** Keycloak's credential ids are UUIDs; anything else in an edited record vets nothing. */
    private static boolean credentialId(String id) {
        return id != null && !id.isBlank() && id.length() <= 36;
    }

    private Set<String> vettedCredentialIds(String userId) {
        return new LinkedHashSet<>(em.createQuery(
                        "select v.credentialId from SsprVettedCredential v where v.userId = :user", String.class)
                .setParameter("user", userId).getResultList());
    }
}
