package io.github.keycloaksspr.audit.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import io.github.keycloaksspr.audit.coverage.RegistrationCoverage;
import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditCount;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditRollup;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import io.github.keycloaksspr.core.events.SsprReasons;
import io.github.keycloaksspr.core.policy.ResetPolicyResolver;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;

/**
 * Usage and insights of one realm, from aggregate SQL only (no user or audit row is loaded): registration coverage
 * now ({@link RegistrationCoverage}), and for a time range the resets and unlocks per day, success per method, top failure
 * reasons and counts per activity, all computed from the range's daily counts ({@link AuditRollup}).
 */
final class Insights {

    static final int TOP_REASONS = 10;

    private final KeycloakSession session;
    private final EntityManager em;
    private final RealmModel realm;

    Insights(KeycloakSession session, EntityManager em, RealmModel realm) {
        this.session = session;
        this.em = em;
        this.realm = realm;
    }

    Map<String, Object> report(TimeRange range) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("realm", realm.getName());
        report.put("from", range.from());
        report.put("to", range.to());
        report.put("registration", registration());
        List<AuditCount> counts = new AuditRollup(session).counts(realm.getId(), range.from(), range.to());
        report.put("resetsPerDay", perDay(counts, AuditActivity.RESET));
        report.put("unlocksPerDay", perDay(counts, AuditActivity.UNLOCK));
        report.put("methods", methods(counts));
        report.put("topFailureReasons", topFailureReasons(counts));
        report.put("activities", activities(counts));
        report.put("helpDesk", HelpDeskInsights.byAgent(counts));
        report.put("upcomingExpiries", UpcomingExpiries.of(em, realm, Time.currentTimeMillis()));
        report.put("unreachableContacts", new UnreachableContacts(em, realm).countsByType());
        return report;
    }

    private Map<String, Object> registration() {
        SsprPolicy policy = ResetPolicyResolver.forRealm(realm, "insights are refused").orElseThrow(() ->
                ErrorResponse.error("the reset policy of this realm is invalid; the server log names the setting",
                        Response.Status.CONFLICT));
        return RegistrationCoverage.of(session, em, realm, policy).report(Time.currentTime());
    }

    private List<Map<String, Object>> perDay(List<AuditCount> counts, AuditActivity activity) {
        Map<Long, long[]> days = new TreeMap<>();
        counts.stream().filter(c -> c.activity().equals(activity.id())).forEach(c ->
                days.computeIfAbsent(c.day(), d -> new long[2])[AuditEntry.SUCCESS.equals(c.outcome()) ? 0 : 1] += c.count());
        List<Map<String, Object>> result = new ArrayList<>();
        days.forEach((day, n) -> result.add(ordered("day", LocalDate.ofEpochDay(day).toString(),
                "success", n[0], "failure", n[1])));
        return result;
    }

    /**
     * Verification outcomes per method; decoy runs (a refused account's answers) are left out. A code the send budgets
     * refused counts as {@code refused}, not as a failure: nothing was sent, so nothing could be verified.
     */
    private List<Map<String, Object>> methods(List<AuditCount> counts) {
        Map<String, long[]> methods = new TreeMap<>();
        counts.stream()
                .filter(c -> c.activity().equals(AuditActivity.FLOW_PROGRESS.id()) && "verify-identity".equals(c.step()))
                .filter(c -> !c.method().isEmpty() && !AuditVocabulary.BLOCKING_REASONS.contains(c.reason()))
                .forEach(c -> methods.computeIfAbsent(c.method(), m -> new long[3])
                        [AuditEntry.SUCCESS.equals(c.outcome()) ? 0 : SsprReasons.isSendRefusal(c.reason()) ? 2 : 1]
                        += c.count());
        List<Map<String, Object>> result = new ArrayList<>();
        methods.forEach((method, n) -> result.add(ordered("method", method, "success", n[0], "failure", n[1],
                SsprReasons.OUTCOME_REFUSED, n[2],
                "successRate", n[0] + n[1] == 0 ? 0.0 : (double) n[0] / (n[0] + n[1]))));
        return result;
    }

    private List<Map<String, Object>> topFailureReasons(List<AuditCount> counts) {
        Map<String, Long> reasons = new TreeMap<>();
        counts.stream().filter(c -> !AuditEntry.SUCCESS.equals(c.outcome()) && !c.reason().isEmpty())
                .filter(c -> !AuditActivity.HELP_DESK.id().equals(c.activity())) // their reason is the agent
                .forEach(c -> reasons.merge(c.reason(), c.count(), Long::sum));
        return reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS)
                .map(e -> ordered("reason", e.getKey(), "count", e.getValue()))
                .toList();
    }

    private Map<String, Map<String, Long>> activities(List<AuditCount> counts) {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        counts.forEach(c -> result.computeIfAbsent(c.activity(), a -> new TreeMap<>())
                .merge(c.outcome(), c.count(), Long::sum));
        return result;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
