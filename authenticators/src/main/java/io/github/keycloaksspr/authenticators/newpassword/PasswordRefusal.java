package io.github.keycloaksspr.authenticators.newpassword;

import java.util.Optional;
import java.util.regex.Pattern;

import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;
import io.github.keycloaksspr.core.password.BannedPasswordRule;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * What the user is told when a new password was not stored, and the reason the audit records: the directory's own
 * explanation when the user is federated and the directory refused (or could not be reached), else Keycloak's
 * password-policy message.
 *
 * @param reason  audit reason ({@code ad_password_too_short}, {@code directory_unavailable}, ...;
 *                {@code banned_password} for the pack's banned- and breached-password policies; {@code password_policy}
 *                for Keycloak's own policies, whose message key the event's REASON detail names)
 * @param message the message shown above the form
 * @param directoryError the directory's error codes (for the event), or null
 * @param bannedRule which rule of the pack's password policies refused it (for the event), or null
 */
record PasswordRefusal(String reason, FormMessage message, String directoryError, String bannedRule) {

    private static final Pattern MESSAGE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

    static PasswordRefusal of(KeycloakSession session, RealmModel realm, UserModel user, String password,
                              RuntimeException failure) {
        DirectoryAccounts directory = session.getProvider(DirectoryAccounts.class);
        Optional<DirectoryPasswordRefusal> explained = directory == null ? Optional.empty()
                : directory.explainPasswordFailure(realm, user, password, failure);
        if (explained.isPresent()) {
            DirectoryPasswordRefusal refusal = explained.get();
            FormMessage message = refusal.limit() > 0
                    ? new FormMessage(null, refusal.reason().messageKey(), refusal.limit())
                    : new FormMessage(null, refusal.reason().messageKey());
            return new PasswordRefusal(refusal.reason().auditReason(), message, refusal.directoryError(), null);
        }
        if (failure instanceof ModelException policy && isMessageKey(policy.getMessage())) {
            FormMessage message = new FormMessage(null, policy.getMessage(), policy.getParameters());
            return BannedPasswordRule.ofMessageKey(policy.getMessage())
                    .map(rule -> new PasswordRefusal(BannedPasswordRule.AUDIT_REASON, message, null, rule.id()))
                    .orElseGet(() -> new PasswordRefusal("password_policy", message, null, null));
        }
        // Anything else is no message for users (it may name servers or classes). For a federated user it is the
        // federation's write that failed (e.g. "Federated storage is not writable").
        if (user.getFederationLink() != null) {
            return new PasswordRefusal(DirectoryPasswordRefusal.Reason.WRITE_FAILED.auditReason(),
                    new FormMessage(null, DirectoryPasswordRefusal.Reason.WRITE_FAILED.messageKey()), null, null);
        }
        return new PasswordRefusal("password_not_stored", new FormMessage(null, "invalidPasswordGenericMessage"),
                null, null);
    }

    /** Keycloak's policies throw message keys ("invalidPasswordMinLengthMessage"); other failures throw prose. */
    private static boolean isMessageKey(String message) {
        return message != null && MESSAGE_KEY.matcher(message).matches();
    }
}
