package io.github.keycloaksspr.audit.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditCount;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import io.github.keycloaksspr.core.events.HelpDeskEvents;

/**
 * The help desk in a time range, by agent: callers verified and wrong codes typed, passes issued and what became of
 * them (used, expired), unlocks, methods removed, registrations required, and actions a ceiling stopped. Computed
 * from the daily counts of {@code help_desk} rows, whose reason names the agent.
 */
final class HelpDeskInsights {

    /** The figures of one agent, in this order. */
    static final List<String> FIGURES = List.of("lookups", "lookupMisses", "verified", "wrongCodes", "passesIssued", "passesUsed",
            "passesExpired", "unlocks", "methodsRemoved", "registrationsRequired", "stoppedByCeiling");

    private HelpDeskInsights() {
    }

    static List<Map<String, Object>> byAgent(List<AuditCount> counts) {
        Map<String, Map<String, Long>> agents = new TreeMap<>();
        for (AuditCount count : counts) {
            if (!AuditActivity.HELP_DESK.id().equals(count.activity()) || !count.reason().startsWith(AuditVocabulary.AGENT_PREFIX)) {
                continue;
            }
            String figure = figure(count);
            if (figure != null) {
                agents.computeIfAbsent(count.reason().substring(AuditVocabulary.AGENT_PREFIX.length()), a -> zeros())
                        .merge(figure, count.count(), Long::sum);
            }
        }
        return agents.entrySet().stream().map(agent -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("agent", agent.getKey());
            row.putAll(agent.getValue());
            return row;
        }).toList();
    }

    private static String figure(AuditCount count) {
        if (!AuditEntry.SUCCESS.equals(count.outcome())) {
            if (AuditEntry.FAILURE.equals(count.outcome())) {
                return switch (count.step()) {
                    case HelpDeskEvents.VERIFICATION -> "wrongCodes";
                    case HelpDeskEvents.LOOKUP -> "lookupMisses";
                    default -> null;
                };
            }
            return "stoppedByCeiling";
        }
        return switch (count.step()) {
            case HelpDeskEvents.LOOKUP -> "lookups";
            case HelpDeskEvents.VERIFIED -> "verified";
            case HelpDeskEvents.PASS_ISSUED -> "passesIssued";
            case HelpDeskEvents.PASS_USED -> "passesUsed";
            case HelpDeskEvents.PASS_EXPIRED -> "passesExpired";
            case HelpDeskEvents.UNLOCK -> "unlocks";
            case HelpDeskEvents.REMOVE_METHOD -> "methodsRemoved";
            case HelpDeskEvents.REQUIRE_REGISTRATION -> "registrationsRequired";
            default -> null;
        };
    }

    private static Map<String, Long> zeros() {
        Map<String, Long> figures = new LinkedHashMap<>();
        FIGURES.forEach(f -> figures.put(f, 0L));
        return figures;
    }
}
