package io.github.keycloaksspr.audit.rest;

import java.time.Instant;
import java.util.List;

import io.github.keycloaksspr.audit.trail.AuditEntry;

/** RFC 4180 CSV of audit rows; cells that a spreadsheet would run as a formula are defused with a leading quote. */
final class AuditCsv {

    static final String HEADER = "time,user_id,username,activity,step,method,outcome,reason,client_ip";

    private AuditCsv() {
    }

    static String of(List<AuditEntry> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry row : rows) {
            csv.append(String.join(",", Instant.ofEpochMilli(row.time()).toString(), cell(row.userId()),
                    cell(row.username()), row.activity().id(), cell(row.step()), cell(row.method()), row.outcome(),
                    cell(row.reason()), cell(row.clientIp()))).append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
