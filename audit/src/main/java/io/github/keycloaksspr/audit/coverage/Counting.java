package io.github.keycloaksspr.audit.coverage;

import jakarta.persistence.EntityManager;

/** Counts the users a condition on {@code u} selects, in one statement. */
final class Counting {

    private Counting() {
    }

    static long users(EntityManager em, Hql condition) {
        Hql query = condition.within("select count(u) from UserEntity u where %s");
        return query.bind(em.createQuery(query.text(), Long.class)).getSingleResult();
    }
}
