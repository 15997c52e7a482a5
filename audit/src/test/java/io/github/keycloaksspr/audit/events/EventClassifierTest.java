package io.github.keycloaksspr.audit.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

class EventClassifierTest {

    private static Event event(EventType type, Map<String, String> details) {
        Event event = new Event();
        event.setType(type);
        event.setRealmId("realm-1");
        event.setUserId("user-1");
        event.setTime(1_000L);
        event.setIpAddress("203.0.113.9");
        event.setDetails(details);
        if (type.name().endsWith("_ERROR")) {
            event.setError("sspr_" + details.getOrDefault("sspr_reason", "x"));
        }
        return event;
    }

    private static AuditEntry classify(Event event) {
        return EventClassifier.classify(event, "maria", false, null).orElseThrow();
    }

    @Test
    void anUnknownAccountAtTheFirstStepIsBlockedFromSspr() {
        AuditEntry entry = classify(event(EventType.RESET_PASSWORD_ERROR,
                Map.of("sspr_step", "choose-account", "sspr_reason", "user_not_found", "sspr_decoy", "true")));
        assertThat(entry.activity()).isEqualTo(AuditActivity.BLOCKED_FROM_SSPR);
        assertThat(entry.outcome()).isEqualTo("failure");
        assertThat(entry.reason()).isEqualTo("user_not_found");
        assertThat(entry.clientIp()).isEqualTo("203.0.113.9");
    }

    @Test
    void reachingTheAttemptLimitAtAnyStepIsBlockedFromSspr() {
        AuditEntry entry = classify(event(EventType.RESET_PASSWORD_ERROR,
                Map.of("sspr_step", "verify-identity", "sspr_reason", "too_many_attempts")));
        assertThat(entry.activity()).isEqualTo(AuditActivity.BLOCKED_FROM_SSPR);
        assertThat(entry.reason()).isEqualTo("too_many_attempts");
    }

    @Test
    void verificationStepsAreFlowProgressWithMethodAndOutcome() {
        AuditEntry wrong = classify(event(EventType.RESET_PASSWORD_ERROR,
                Map.of("sspr_step", "verify-identity", "sspr_method", "sspr-sms", "sspr_reason", "wrong_code")));
        assertThat(wrong.activity()).isEqualTo(AuditActivity.FLOW_PROGRESS);
        assertThat(wrong.method()).isEqualTo("sspr-sms");
        assertThat(wrong.reason()).isEqualTo("wrong_code");
        AuditEntry right = classify(event(EventType.SEND_RESET_PASSWORD,
                Map.of("sspr_step", "verify-identity", "sspr_method", "sspr-sms", "sspr_outcome", "method_verified")));
        assertThat(right.outcome()).isEqualTo("success");
        assertThat(right.reason()).isEqualTo("method_verified");
    }

    /** Keycloak's event list shows one RESET_PASSWORD success per reset; the audit records the reset once, by its change. */
    @Test
    void theResetsClosingSuccessIsNoSecondAuditRow() {
        Event end = event(EventType.RESET_PASSWORD, Map.of("sspr_step", "new-password", "sspr_outcome", "password_set"));
        assertThat(EventClassifier.classify(end, "maria", true, "sspr-sms")).isEmpty();
        AuditEntry chosen = classify(event(EventType.SEND_RESET_PASSWORD,
                Map.of("sspr_step", "choose-account", "sspr_outcome", "account_chosen")));
        assertThat(chosen.activity()).isEqualTo(AuditActivity.FLOW_PROGRESS);
        assertThat(chosen.reason()).isEqualTo("account_chosen");
    }

    @Test
    void theUnlockChoiceIsAnUnlock() {
        AuditEntry entry = classify(event(EventType.RESET_PASSWORD,
                Map.of("sspr_step", "unlock-or-reset", "sspr_action", "unlock", "sspr_outcome", "unlocked")));
        assertThat(entry.activity()).isEqualTo(AuditActivity.UNLOCK);
    }

    @Test
    void aPasswordChangeIsAResetOnlyAtTheEndOfAVerifiedFlow() {
        Event change = event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "password"));
        assertThat(EventClassifier.classify(change, "maria", false, null)).isEmpty();
        AuditEntry reset = EventClassifier.classify(change, "maria", true, "sspr-sms+sspr-email").orElseThrow();
        assertThat(reset.activity()).isEqualTo(AuditActivity.RESET);
        assertThat(reset.method()).isEqualTo("sspr-sms+sspr-email");
        assertThat(reset.succeeded()).isTrue();
    }

    @Test
    void aRefusedResetRecordsTheDirectorysReasonOverKeycloaksError() {
        Event refused = event(EventType.UPDATE_CREDENTIAL_ERROR, Map.of("credential_type", "password",
                "sspr_reason", "ad_password_too_short", "sspr_step", "new-password", "sspr_method", "sspr-sms"));
        refused.setError("password_rejected");
        // Error events reach the listener in a session of their own: the step's details alone make it a reset.
        AuditEntry reset = EventClassifier.classify(refused, "maria", false, null).orElseThrow();
        assertThat(reset.activity()).isEqualTo(AuditActivity.RESET);
        assertThat(reset.method()).isEqualTo("sspr-sms");
        assertThat(reset.succeeded()).isFalse();
        assertThat(reset.reason()).isEqualTo("ad_password_too_short");
        Event policy = event(EventType.UPDATE_CREDENTIAL_ERROR, Map.of("credential_type", "password"));
        policy.setError("password_rejected");
        assertThat(EventClassifier.classify(policy, "maria", true, "sspr-sms").orElseThrow().reason())
                .isEqualTo("password_rejected");
        Event mistyped = event(EventType.UPDATE_CREDENTIAL_ERROR, Map.of("credential_type", "password",
                "sspr_step", "new-password"));
        mistyped.setError("password_confirm_error");
        assertThat(EventClassifier.classify(mistyped, "maria", true, "sspr-sms")).as("no password was tried").isEmpty();
        assertThat(AuditVocabulary.isDirectoryRefusal("ad_password_too_short")).isTrue();
        assertThat(AuditVocabulary.isDirectoryRefusal("directory_unavailable")).isTrue();
        assertThat(AuditVocabulary.isDirectoryRefusal("password_policy")).isFalse();
        assertThat(AuditVocabulary.isDirectoryRefusal(null)).isFalse();
    }

    @Test
    void securityInfoChangesNameTheTypeAndTheDirection() {
        AuditEntry removed = classify(event(EventType.REMOVE_CREDENTIAL, Map.of("credential_type", "sspr-alternate-email")));
        assertThat(removed.activity()).isEqualTo(AuditActivity.SECURITY_INFO_CHANGED);
        assertThat(removed.step()).isEqualTo("removed");
        assertThat(removed.method()).isEqualTo("sspr-alternate-email");
        assertThat(EventClassifier.classify(event(EventType.UPDATE_CREDENTIAL, Map.of("credential_type", "kerberos")),
                "maria", false, null)).isEmpty();
    }

    @Test
    void registrationConfirmationsAndPostponementsAreRegistrationRows() {
        AuditEntry confirmed = classify(event(EventType.CUSTOM_REQUIRED_ACTION,
                Map.of("custom_required_action", "sspr-register-security-info", "sspr_step", "confirmed")));
        assertThat(confirmed.activity()).isEqualTo(AuditActivity.REGISTERED);
        assertThat(confirmed.succeeded()).isTrue();
        AuditEntry postponed = classify(event(EventType.CUSTOM_REQUIRED_ACTION,
                Map.of("custom_required_action", "sspr-register-security-info", "sspr_step", "skipped")));
        assertThat(postponed.step()).isEqualTo("postponed");
        assertThat(EventClassifier.classify(event(EventType.CUSTOM_REQUIRED_ACTION,
                Map.of("custom_required_action", "sspr-register-security-info", "sspr_step", "code-sent")),
                "maria", false, null)).isEmpty();
    }

    @Test
    void otherEventsAreNotAudited() {
        assertThat(EventClassifier.classify(event(EventType.LOGIN, Map.of()), "maria", false, null)).isEmpty();
        assertThat(EventClassifier.classify(event(EventType.RESET_PASSWORD, Map.of()), "maria", false, null)).isEmpty();
    }
}
