package io.github.keycloaksspr.audit.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.audit.trail.AuditVocabulary;
import io.github.keycloaksspr.core.audience.Ineligibility;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import io.github.keycloaksspr.core.events.ReminderEvents;
import io.github.keycloaksspr.core.events.ResetAction;
import io.github.keycloaksspr.core.events.ResetStep;
import io.github.keycloaksspr.core.events.SsprEvents;
import io.github.keycloaksspr.core.events.SsprReasons;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;

/**
 * Turns a Keycloak event into the audit row it stands for, or nothing. The pack's steps say what happened in
 * {@code sspr_*} details; a password change counts as a self-service reset when the pack's password step reports it
 * or the caller knows it ran at the end of a verified reset flow.
 */
final class EventClassifier {

    /** The audit's name for a registration put off ("Not now", or refused once the grace period is over). */
    static final String POSTPONED = "postponed";

    private static final Set<String> MISTYPED = Set.of(Errors.PASSWORD_MISSING, Errors.PASSWORD_CONFIRM_ERROR);

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
            case RESET_PASSWORD, RESET_PASSWORD_ERROR, SEND_RESET_PASSWORD -> {
                String step = details.get(SsprEvents.STEP);
                if (step == null || !failed && ResetStep.NEW_PASSWORD.id().equals(step)) {
                    // A reset's end is its password change (UPDATE_CREDENTIAL below), recorded once.
                    return Optional.empty();
                }
                String reason = failed ? details.get(SsprEvents.REASON) : details.get(SsprEvents.OUTCOME);
                AuditActivity activity;
                if (failed && (ResetStep.of(step).orElse(null) == ResetStep.CHOOSE_ACCOUNT
                        && Ineligibility.isReason(reason) || SsprReasons.TOO_MANY_ATTEMPTS.equals(reason))) {
                    activity = AuditActivity.BLOCKED_FROM_SSPR;
                } else if (!failed && ResetAction.UNLOCK.id().equals(details.get(SsprEvents.ACTION))) {
                    activity = AuditActivity.UNLOCK;
                } else {
                    activity = AuditActivity.FLOW_PROGRESS;
                }
                return Optional.of(entry(event, username, activity, step, details.get(SsprEvents.METHOD), outcome,
                        reason));
            }
            case UPDATE_CREDENTIAL, UPDATE_CREDENTIAL_ERROR, REMOVE_CREDENTIAL, REMOVE_CREDENTIAL_ERROR -> {
                if ("password".equals(credentialType)) {
                    // The pack's own password step says so (it runs only after the proof); Keycloak's does not.
                    boolean resetStep = ResetStep.NEW_PASSWORD.id().equals(details.get(SsprEvents.STEP));
                    if (failed && MISTYPED.contains(event.getError())) {
                        return Optional.empty(); // the form was refused before any password was tried
                    }
                    String resetMethods = resetStep ? details.get(SsprEvents.METHOD) : methods;
                    return (ssprReset || resetStep) && type != EventType.REMOVE_CREDENTIAL
                            && type != EventType.REMOVE_CREDENTIAL_ERROR
                            ? Optional.of(entry(event, username, AuditActivity.RESET, ResetStep.NEW_PASSWORD.id(),
                            resetMethods, outcome, failed ? Optional.ofNullable(details.get(SsprEvents.REASON))
                                    .orElse(event.getError()) : null))
                            : Optional.empty();
                }
                if (credentialType == null || !AuditVocabulary.SECURITY_INFO_TYPES.contains(credentialType)) {
                    return Optional.empty();
                }
                boolean removal = type == EventType.REMOVE_CREDENTIAL || type == EventType.REMOVE_CREDENTIAL_ERROR;
                String reason = failed ? Optional.ofNullable(details.get(SsprEvents.REASON)).orElse(event.getError())
                        : null;
                return Optional.of(entry(event, username, AuditActivity.SECURITY_INFO_CHANGED,
                        removal ? "removed" : "added", credentialType, outcome, reason));
            }
            case CUSTOM_REQUIRED_ACTION, CUSTOM_REQUIRED_ACTION_ERROR -> {
                if (!RegistrationEvents.ACTION_ID.equals(details.get(Details.CUSTOM_REQUIRED_ACTION))) {
                    return Optional.empty();
                }
                String step = details.get(SsprEvents.STEP);
                String reason = details.get(SsprEvents.REASON);
                if (RegistrationEvents.CONFIRMED.equals(step) || failed && SsprReasons.BELOW_REQUIRED.equals(reason)) {
                    return Optional.of(entry(event, username, AuditActivity.REGISTERED, RegistrationEvents.CONFIRMED,
                            null, outcome, failed ? SsprReasons.BELOW_REQUIRED : null));
                }
                if (RegistrationEvents.REGISTERING_AGAIN.equals(step)) {
                    return Optional.of(entry(event, username, AuditActivity.SECURITY_INFO_CHANGED,
                            RegistrationEvents.REGISTERING_AGAIN, details.get(SsprEvents.METHOD), outcome, reason));
                }
                if (RegistrationEvents.SKIPPED.equals(step) || failed && SsprReasons.GRACE_PERIOD_OVER.equals(reason)) {
                    return Optional.of(entry(event, username, AuditActivity.REGISTERED, POSTPONED, null,
                            AuditEntry.FAILURE, failed ? SsprReasons.GRACE_PERIOD_OVER : POSTPONED));
                }
                return Optional.empty();
            }
            case EXECUTE_ACTIONS -> {
                return ReminderEvents.STEP.equals(details.get(SsprEvents.STEP))
                        ? Optional.of(entry(event, username, AuditActivity.REMINDER, details.get(ReminderEvents.DAYS),
                        details.get(ReminderEvents.CHANNELS), AuditEntry.SUCCESS, details.get(ReminderEvents.SOURCE)))
                        : Optional.empty();
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
