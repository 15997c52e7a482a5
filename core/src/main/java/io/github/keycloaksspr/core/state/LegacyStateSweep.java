package io.github.keycloaksspr.core.state;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Moves users of a realm who carry the state attributes of older releases and have no row yet into
 * {@code SSPR_USER_STATE}, a bounded batch at a time: in the background after start-up (batch after batch, each in a
 * transaction of its own) and before coverage is counted (which reads only the table). A realm with nothing left to
 * move costs two indexed queries.
 */
public final class LegacyStateSweep {

    /** Users moved in one transaction. */
    public static final int BATCH = 500;

    private LegacyStateSweep() {
    }

    /** Moves at most {@code max} users; returns how many. Runs with {@code realm} as the session's realm. */
    public static int sweep(KeycloakSession session, RealmModel realm, int max) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Set<String> ids = new LinkedHashSet<>(em.createQuery("select distinct a.user.id from UserAttributeEntity a"
                        + " where a.name in (:names) and a.user.realmId = :realm and not exists"
                        + " (select 1 from SsprUserState s where s.userId = a.user.id)", String.class)
                .setParameter("names", LegacyStateAttributes.NAMES).setParameter("realm", realm.getId())
                .setMaxResults(max).getResultList());
        if (ids.size() < max) {
            ids.addAll(em.createQuery("select distinct f.userId from FederatedUserAttributeEntity f"
                            + " where f.name in (:names) and f.realmId = :realm and not exists"
                            + " (select 1 from SsprUserState s where s.userId = f.userId)", String.class)
                    .setParameter("names", LegacyStateAttributes.NAMES).setParameter("realm", realm.getId())
                    .setMaxResults(max - ids.size()).getResultList());
        }
        if (ids.isEmpty()) {
            return 0;
        }
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            List<UserModel> users = ids.stream().map(id -> session.users().getUserById(realm, id))
                    .filter(Objects::nonNull).toList();
            UserStates.of(session).moveLegacy(realm, users, Time.currentTimeMillis());
            return users.size();
        } finally {
            session.getContext().setRealm(previous);
        }
    }
}
