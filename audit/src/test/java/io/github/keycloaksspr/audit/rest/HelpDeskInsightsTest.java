package io.github.keycloaksspr.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.audit.trail.AuditCount;
import org.junit.jupiter.api.Test;

class HelpDeskInsightsTest {

    @Test
    void countsEachAgentsVerificationsPassesAndStopsFromTheDailyCounts() {
        List<AuditCount> counts = List.of(
                new AuditCount(1, "help_desk", "verified", "sspr-sms", "success", "agent hank", 3),
                new AuditCount(2, "help_desk", "verified", "sspr-email", "success", "agent hank", 1),
                new AuditCount(1, "help_desk", "verification", "sspr-sms", "failure", "agent hank", 2),
                new AuditCount(1, "help_desk", "challenge", "sspr-sms", "success", "agent hank", 9),
                new AuditCount(1, "help_desk", "lookup", null, "failure", "agent hank", 6),
                new AuditCount(1, "help_desk", "temporary-access-pass", null, "success", "agent ulla", 2),
                new AuditCount(1, "help_desk", "pass-used", "sspr-temporary-access-pass", "success", "agent ulla", 1),
                new AuditCount(1, "help_desk", "pass-expired", "sspr-temporary-access-pass", "success", "agent ulla", 1),
                new AuditCount(1, "help_desk", "temporary-access-pass", "agent-passes", "refused", "agent ulla", 4),
                new AuditCount(1, "flow_progress", "verify-identity", "sspr-sms", "failure", "wrong_code", 7));

        List<Map<String, Object>> agents = HelpDeskInsights.byAgent(counts);

        assertThat(agents).extracting(a -> a.get("agent")).containsExactly("hank", "ulla");
        assertThat(agents.get(0)).containsEntry("verified", 4L).containsEntry("wrongCodes", 2L)
                .containsEntry("lookupMisses", 6L)
                .containsEntry("passesIssued", 0L);
        assertThat(agents.get(1)).containsEntry("passesIssued", 2L).containsEntry("passesUsed", 1L)
                .containsEntry("passesExpired", 1L).containsEntry("stoppedByCeiling", 4L)
                .containsEntry("verified", 0L);
        assertThat(agents.get(0).keySet()).as("every figure, in order")
                .containsSubsequence(HelpDeskInsights.FIGURES);
    }
}
