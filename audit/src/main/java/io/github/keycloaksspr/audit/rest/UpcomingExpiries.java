package io.github.keycloaksspr.audit.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;

import io.github.keycloaksspr.core.expiry.ExpiringPasswords;
import org.keycloak.models.RealmModel;

/**
 * The passwords that expire in the next {@value #DAYS} days, per day (UTC) and from where the expiry comes
 * (Keycloak's Expire Password policy, or Active Directory's computed expiry): what the reminders will be about.
 * The same SQL as the reminders; no user is loaded.
 */
final class UpcomingExpiries {

    static final int DAYS = 14;

    private UpcomingExpiries() {
    }

    static Map<String, Object> of(EntityManager em, RealmModel realm, long now) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        long[] fromDirectory = {0};
        new ExpiringPasswords(em, realm).forEachPage(now, DAYS, page -> page.forEach(expiring -> {
            perDay.merge(LocalDate.ofInstant(Instant.ofEpochMilli(expiring.expiresAt()), ZoneOffset.UTC), 1L,
                    Long::sum);
            fromDirectory[0] += ExpiringPasswords.DIRECTORY.equals(expiring.source()) ? 1 : 0;
        }));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("days", DAYS);
        report.put("total", perDay.values().stream().mapToLong(Long::longValue).sum());
        report.put("fromDirectory", fromDirectory[0]);
        List<Map<String, Object>> days = perDay.entrySet().stream().map(day -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", day.getKey().toString());
            row.put("count", day.getValue());
            return row;
        }).toList();
        report.put("perDay", days);
        return report;
    }
}
