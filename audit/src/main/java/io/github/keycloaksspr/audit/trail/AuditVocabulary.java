package io.github.keycloaksspr.audit.trail;

import java.util.Arrays;
import java.util.List;

import io.github.keycloaksspr.core.audience.Ineligibility;
import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;

/** Values the audit trail classifies by, shared by the rows' writer and the reports. */
public final class AuditVocabulary {

    /** Refusals before any method is tried: Entra's "blocked from self-service password reset". */
    public static final List<String> BLOCKING_REASONS = Arrays.stream(Ineligibility.values())
            .map(Ineligibility::reason).toList();

    /** Credential types that are security info: the pack's, and Keycloak's own that the reset flow accepts. */
    public static final List<String> SECURITY_INFO_TYPES = List.of(SsprCredentialTypes.MOBILE_PHONE,
            SsprCredentialTypes.ALTERNATE_EMAIL, SsprCredentialTypes.SECURITY_QUESTIONS, "otp",
            "webauthn-passwordless", "webauthn");

    /** The reason of a help-desk row: the agent, {@code agent <username>}. */
    public static final String AGENT_PREFIX = "agent ";

    private AuditVocabulary() {
    }

    /** Whether a failed reset's reason is the user's directory refusing or missing the write (a writeback failure). */
    public static boolean isDirectoryRefusal(String reason) {
        return reason != null && Arrays.stream(DirectoryPasswordRefusal.Reason.values())
                .anyMatch(known -> known.auditReason().equals(reason));
    }
}
