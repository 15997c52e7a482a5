package io.github.keycloaksspr.core.credential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;

/**
 * How often the realm's registered contacts are marked unreachable, per kind and reason, in parts per
 * {@value #SCALE}: what a stand-in's fabricated contacts are marked with, so that a stranger typing names sees marked
 * methods about as often for names that cannot reset as for real accounts. Counted in SQL by the audit upkeep (one
 * node, every run) and kept in a realm attribute, which Keycloak's realm cache serves to every list alike.
 */
public final class ContactHealthRates {

    public static final int SCALE = 100_000;
    static final String ATTRIBUTE = "sspr.contactHealth.rates";
    static final List<String> TYPES = List.of(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.ALTERNATE_EMAIL);

    private ContactHealthRates() {
    }

    /**
     * Counts the realm's people with contacts and those with a marked one, per kind and reason (one mark per person
     * and kind: someone who registers many addresses and makes them bounce moves the rate as one person, not as
     * many); writes the realm attribute only when the rates changed.
     */
    public static void refresh(EntityManager em, RealmModel realm) {
        Map<String, Long> totals = new TreeMap<>();
        em.createQuery("select c.type, count(distinct u.id) from CredentialEntity c join c.user u"
                        + " where u.realmId = :realm and c.type in :types group by c.type", Object[].class)
                .setParameter("realm", realm.getId()).setParameter("types", TYPES).getResultList()
                .forEach(row -> totals.put((String) row[0], (Long) row[1]));
        Map<String, String> reasonByPerson = new TreeMap<>();
        em.createQuery("select c.type, u.id, c.credentialData from CredentialEntity c join c.user u"
                        + " where u.realmId = :realm and c.type in :types and c.credentialData like :marked",
                        Object[].class)
                .setParameter("realm", realm.getId()).setParameter("types", TYPES)
                .setParameter("marked", "%\"" + ContactHealth.FIELD + "\"%").getResultList()
                .forEach(row -> {
                    CredentialModel credential = new CredentialModel();
                    credential.setCredentialData((String) row[2]);
                    ContactHealth.of(credential).ifPresent(mark ->
                            reasonByPerson.putIfAbsent(row[0] + ":" + row[1], row[0] + ":" + mark.reason()));
                });
        Map<String, Long> marked = new TreeMap<>();
        reasonByPerson.values().forEach(typeAndReason -> marked.merge(typeAndReason, 1L, Long::sum));
        List<String> parts = new ArrayList<>();
        marked.forEach((typeAndReason, count) -> {
            long total = totals.getOrDefault(typeAndReason.substring(0, typeAndReason.indexOf(':')), 0L);
            long rate = total == 0 ? 0 : Math.round((double) count * SCALE / total);
            if (rate > 0) {
                parts.add(typeAndReason + ":" + rate);
            }
        });
        String value = parts.isEmpty() ? null : String.join(",", parts);
        String current = realm.getAttribute(ATTRIBUTE);
        if (value == null ? current != null : !value.equals(current)) {
            if (value == null) {
                realm.removeAttribute(ATTRIBUTE);
            } else {
                realm.setAttribute(ATTRIBUTE, value);
            }
        }
    }

    /**
     * The reason a fabricated contact of {@code type} is marked with for a draw of {@code roll} (0 to {@value #SCALE}
     * - 1, from the stand-in's seed): none as often as the realm's contacts are unmarked.
     */
    public static Optional<String> draw(RealmModel realm, String type, int roll) {
        long cumulative = 0;
        for (Map.Entry<String, Long> reason : rates(realm, type).entrySet()) {
            cumulative += reason.getValue();
            if (roll < cumulative) {
                return Optional.of(reason.getKey());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Long> rates(RealmModel realm, String type) {
        Map<String, Long> rates = new LinkedHashMap<>();
        String value = realm.getAttribute(ATTRIBUTE);
        if (value == null) {
            return rates;
        }
        for (String part : value.split(",")) {
            String[] fields = part.split(":");
            if (fields.length == 3 && fields[0].equals(type)) {
                try {
                    rates.put(fields[1], Long.parseLong(fields[2]));
                } catch (NumberFormatException ignored) {
                    // an attribute edited by hand: that reason counts as none
                }
            }
        }
        return rates;
    }
}
