package io.github.keycloaksspr.audit.events;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.keycloaksspr.audit.trail.AuditActivity;
import io.github.keycloaksspr.audit.trail.AuditEntry;
import io.github.keycloaksspr.core.events.RegistrationEvents;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Admin changes to the pack's settings, as {@code policy_change} rows: the config of an {@code sspr-*} flow step
 * (the reset policy is the {@code sspr-verify-identity} config) and the registration action and its config.
 */
final class PolicyChanges {

    private static final Pattern EXECUTION_CONFIG = Pattern.compile("^authentication/executions/([^/]+)/config$");
    private static final Pattern CONFIG = Pattern.compile("^authentication/config/([^/]+)$");
    private static final Pattern REGISTRATION = Pattern.compile(
            "^authentication/required-actions/" + RegistrationEvents.ACTION_ID + "(/config)?$");

    private PolicyChanges() {
    }

    static Optional<AuditEntry> classify(KeycloakSession session, AdminEvent event) {
        String path = event.getResourcePath();
        if (path == null || event.getRealmId() == null) {
            return Optional.empty();
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return Optional.empty();
        }
        String what = subject(realm, path);
        if (what == null) {
            return Optional.empty();
        }
        String adminId = event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId();
        String adminName = adminName(session, event, adminId);
        String failure = event.getError();
        return Optional.of(new AuditEntry(event.getRealmId(), event.getTime(), adminId, adminName,
                AuditActivity.POLICY_CHANGE, event.getOperationType().name().toLowerCase(Locale.ROOT), what,
                failure == null ? AuditEntry.SUCCESS : AuditEntry.FAILURE, failure,
                event.getAuthDetails() == null ? null : event.getAuthDetails().getIpAddress()));
    }

    /** {@code reset-policy}, {@code <step id>} or {@code registration-settings}; null for anything else. */
    private static String subject(RealmModel realm, String path) {
        if (REGISTRATION.matcher(path).matches()) {
            return "registration-settings";
        }
        Matcher executionConfig = EXECUTION_CONFIG.matcher(path);
        if (executionConfig.matches()) {
            AuthenticationExecutionModel execution = realm.getAuthenticationExecutionById(executionConfig.group(1));
            return execution == null ? null : stepName(execution.getAuthenticator());
        }
        Matcher config = CONFIG.matcher(path);
        if (config.matches()) {
            String configId = config.group(1);
            return realm.getAuthenticationFlowsStream()
                    .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                    .filter(e -> configId.equals(e.getAuthenticatorConfig()))
                    .map(e -> stepName(e.getAuthenticator()))
                    .filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
        return null;
    }

    private static String stepName(String authenticator) {
        if (authenticator == null || !authenticator.startsWith("sspr-")) {
            return null;
        }
        return "sspr-verify-identity".equals(authenticator) ? "reset-policy" : authenticator;
    }

    static String adminName(KeycloakSession session, AdminEvent event, String adminId) {
        if (adminId == null || event.getAuthDetails().getRealmId() == null) {
            return null;
        }
        RealmModel authRealm = session.realms().getRealm(event.getAuthDetails().getRealmId());
        UserModel admin = authRealm == null ? null : session.users().getUserById(authRealm, adminId);
        return admin == null ? null : admin.getUsername();
    }
}
