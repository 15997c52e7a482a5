package io.github.keycloaksspr.audit.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;

/**
 * The realm's registered contacts that a permanent refusal marked ({@link ContactHealth}): how many per method for
 * the insights, and who, for the help desk to call (never the number or the address). In SQL over the credentials:
 * only marked ones are read.
 */
final class UnreachableContacts {

    static final List<String> TYPES = List.of(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.ALTERNATE_EMAIL);
    /** How the mark appears in the stored JSON: what the query narrows to before the mark itself is read. */
    private static final String MARKED = "%\"unreachable\"%";

    /** One marked contact: whose, which kind, why, since when (epoch ms). */
    record Marked(String userId, String username, String type, String reason, long since) {
    }

    private final EntityManager em;
    private final RealmModel realm;

    UnreachableContacts(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
    }

    /** Marked contacts per credential type (every type listed, zero included). */
    Map<String, Long> countsByType() {
        Map<String, Long> counts = new TreeMap<>();
        TYPES.forEach(type -> counts.put(type, 0L));
        list(0, Integer.MAX_VALUE).forEach(marked -> counts.merge(marked.type(), 1L, Long::sum));
        return counts;
    }

    /** A page of the marked contacts, by username. */
    List<Marked> list(int first, int max) {
        List<Object[]> rows = em.createQuery("select u.id, u.username, c.type, c.credentialData, c.id"
                        + " from CredentialEntity c join c.user u"
                        + " where u.realmId = :realm and c.type in :types and c.credentialData like :marked"
                        + " order by u.username, c.type", Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("types", TYPES)
                .setParameter("marked", MARKED)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        return rows.stream().flatMap(row -> {
            CredentialModel credential = new CredentialModel();
            credential.setId((String) row[4]);
            credential.setType((String) row[2]);
            credential.setCredentialData((String) row[3]);
            return ContactHealth.of(credential).stream().map(mark -> new Marked((String) row[0], (String) row[1],
                    (String) row[2], mark.reason(), mark.since()));
        }).toList();
    }

    static Map<String, Object> json(Marked marked) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", marked.userId());
        json.put("username", marked.username());
        json.put("type", marked.type());
        json.put("reason", marked.reason());
        json.put("since", marked.since());
        return json;
    }

    /** RFC 4180 CSV: {@code id,username,type,reason,since}. */
    static String csv(List<Marked> all) {
        StringBuilder csv = new StringBuilder("id,username,type,reason,since\r\n");
        for (Marked marked : all) {
            csv.append(String.join(",", AuditCsv.cell(marked.userId()), AuditCsv.cell(marked.username()),
                    AuditCsv.cell(marked.type()), AuditCsv.cell(marked.reason()), Long.toString(marked.since())))
                    .append("\r\n");
        }
        return csv.toString();
    }
}
