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
 * Moves every user of a realm still carrying the state attributes of older releases into {@code SSPR_USER_STATE}:
 * at start-up, and before coverage is counted (which reads only the table). A realm with nothing left to move costs
 * two indexed queries.
 */
public final class LegacyStateSweep {

    private LegacyStateSweep() {
    }

    /** Runs with {@code realm} as the session's realm (the user profile that says whether the values count). */
    public static int sweep(KeycloakSession session, RealmModel realm) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        Set<String> ids = new LinkedHashSet<>(em.createQuery("select distinct a.user.id from UserAttributeEntity a"
                        + " where a.name in (:names) and a.user.realmId = :realm", String.class)
                .setParameter("names", LegacyStateAttributes.NAMES).setParameter("realm", realm.getId())
                .getResultList());
        ids.addAll(em.createQuery("select distinct f.userId from FederatedUserAttributeEntity f"
                        + " where f.name in (:names) and f.realmId = :realm", String.class)
                .setParameter("names", LegacyStateAttributes.NAMES).setParameter("realm", realm.getId())
                .getResultList());
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
