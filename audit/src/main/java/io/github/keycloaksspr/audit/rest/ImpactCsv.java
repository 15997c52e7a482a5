package io.github.keycloaksspr.audit.rest;

import java.util.List;

import io.github.keycloaksspr.audit.coverage.ImpactPreview.LosingUser;

/** The users a policy change would leave unable to reset, as RFC 4180 CSV for the help desk. */
final class ImpactCsv {

    static final String HEADER = "id,username,methods";

    private ImpactCsv() {
    }

    /** One row per user; the methods they have registered separated by spaces in one cell. */
    static String of(List<LosingUser> users) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (LosingUser user : users) {
            csv.append(String.join(",", AuditCsv.cell(user.id()), AuditCsv.cell(user.username()),
                    AuditCsv.cell(String.join(" ", user.methods())))).append("\r\n");
        }
        return csv.toString();
    }
}
