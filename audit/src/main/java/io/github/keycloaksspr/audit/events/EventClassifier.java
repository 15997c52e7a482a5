package io.github.keycloaksspr.audit.events;

import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/**
 * Turns a Keycloak event into the audit row it stands for, or nothing. The pack's steps say what happened in
 * {@code sspr_*} details; a password change counts as a self-service reset when the pack's password step reports it
 * or the caller knows it ran at the end of a verified reset flow.
 */
final class EventClassifier {

    static final String REGISTRATION_ACTION = "sspr-register-security-info";
    static final String NEW_PASSWORD_STEP = "new-password";
    private static final java.util.Set<String> MISTYPED = java.util.Set.of(org.keycloak.events.Errors.PASSWORD_MISSING,
            org.keycloak.events.Errors.PASSWORD_CONFIRM_ERROR);

    private EventClassifier() {
    }

    /**
     * @param ssprReset whether this request is the password step of a verified self-service reset for the event's
     *                  user
     * @param methods   the methods verified in that reset ("sspr-sms+sspr-email"), or null
     */
    static Optional<AuditEntry> classify(Event event, String username, boolean ssprReset, String methods) {
        Map<String, String> details = event.getDetails() == null ? Map.of() : event.getDetails();
        EventType type = event.getType();
        boolean failed = type.name().endsWith("_ERROR");
        String outcome = failed ? AuditEntry.FAILURE : AuditEntry.SUCCESS;
        String credentialType = details.get(Details.CREDENTIAL_TYPE);
        switch (type) {
            case RESET_PASSWORD, RESET_PASSWORD_ERROR -> {
                String step = details.get("sspr_step");
                if (step == null) {
                    return Optional.empty();
                }
                String reason = failed ? details.get("sspr_reason") : details.get("sspr_outcome");
                AuditActivity activity;
                if (failed && "choose-account".equals(step) && AuditVocabulary.BLOCKING_REASONS.contains(reason)) {
                    activity = AuditActivity.BLOCKED_FROM_SSPR;
                } else if (!failed && "unlock".equals(details.get("sspr_action"))) {
                    activity = AuditActivity.UNLOCK;
                } else {
                    activity = AuditActivity.FLOW_PROGRESS;
                }
                return Optional.of(entry(event, username, activity, step, details.get("sspr_method"), outcome,
                        reason));
            }
            case UPDATE_CREDENTIAL, UPDATE_CREDENTIAL_ERROR, REMOVE_CREDENTIAL, REMOVE_CREDENTIAL_ERROR -> {
                if ("password".equals(credentialType)) {
                    // The pack's own password step says so (it runs only after the proof); Keycloak's does not.
                    boolean resetStep = NEW_PASSWORD_STEP.equals(details.get("sspr_step"));
                    if (failed && MISTYPED.contains(event.getError())) {
                        return Optional.empty(); // the form was refused before any password was tried
                    }
                    String resetMethods = resetStep ? details.get("sspr_method") : methods;
                    return (ssprReset || resetStep) && type != EventType.REMOVE_CREDENTIAL
                            && type != EventType.REMOVE_CREDENTIAL_ERROR
                            ? Optional.of(entry(event, username, AuditActivity.RESET, NEW_PASSWORD_STEP, resetMethods,
                            outcome, failed ? Optional.ofNullable(details.get("sspr_reason"))
                                    .orElse(event.getError()) : null))
                            : Optional.empty();
                }
                if (credentialType == null || !AuditVocabulary.SECURITY_INFO_TYPES.contains(credentialType)) {
                    return Optional.empty();
                }
                boolean removal = type == EventType.REMOVE_CREDENTIAL || type == EventType.REMOVE_CREDENTIAL_ERROR;
                String reason = failed ? Optional.ofNullable(details.get("sspr_reason")).orElse(event.getError())
                        : null;
                return Optional.of(entry(event, username, AuditActivity.SECURITY_INFO_CHANGED,
                        removal ? "removed" : "added", credentialType, outcome, reason));
            }
            case CUSTOM_REQUIRED_ACTION, CUSTOM_REQUIRED_ACTION_ERROR -> {
                if (!REGISTRATION_ACTION.equals(details.get(Details.CUSTOM_REQUIRED_ACTION))) {
                    return Optional.empty();
                }
                String step = details.get("sspr_step");
                if ("confirmed".equals(step) || failed && "below_required".equals(details.get("sspr_reason"))) {
                    return Optional.of(entry(event, username, AuditActivity.REGISTERED, "confirmed", null, outcome,
                            failed ? "below_required" : null));
                }
                if ("skipped".equals(step) || failed && "grace_period_over".equals(details.get("sspr_reason"))) {
                    return Optional.of(entry(event, username, AuditActivity.REGISTERED, "postponed", null,
                            AuditEntry.FAILURE, failed ? "grace_period_over" : "postponed"));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static AuditEntry entry(Event event, String username, AuditActivity activity, String step, String method,
                                    String outcome, String reason) {
        return new AuditEntry(event.getRealmId(), event.getTime(), event.getUserId(), username, activity, step,
                method, outcome, reason, event.getIpAddress());
    }
}
