package io.github.keycloaksspr.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void writesAHeaderAndOneQuotedLinePerRow() {
        String csv = AuditCsv.of(List.of(new AuditEntry("r", 0L, "u-1", "doe, jane", AuditActivity.RESET,
                "new-password", "sspr-sms+sspr-email", "success", null, "127.0.0.1")));
        assertThat(csv).isEqualTo(AuditCsv.HEADER + "\r\n"
                + "1970-01-01T00:00:00Z,u-1,\"doe, jane\",reset,new-password,sspr-sms+sspr-email,success,,127.0.0.1\r\n");
    }

    @Test
    void defusesSpreadsheetFormulasAndEscapesQuotes() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell(null)).isEmpty();
    }
}
