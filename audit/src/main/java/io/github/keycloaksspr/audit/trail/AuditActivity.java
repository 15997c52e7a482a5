package io.github.keycloaksspr.audit.trail;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an audit row records; the names mirror Entra ID's SSPR audit activities. Stored as {@link #id()}. */
public enum AuditActivity {
    /** A reset attempt that could not proceed: unknown, disabled, out-of-scope or unregistered account, guest. */
    BLOCKED_FROM_SSPR,
    /** A password set through self-service reset (or refused by the password policy / the directory). */
    RESET,
    /** An account unlocked through self-service (no password change). */
    UNLOCK,
    /** One step of the reset flow: account chosen, a method verified or failed, reset chosen. */
    FLOW_PROGRESS,
    /** Security info confirmed on the registration page. */
    REGISTERED,
    /** A method added, changed or removed (registration page, Account Console, admin). */
    SECURITY_INFO_CHANGED,
    /** The reset policy or the registration settings changed (admin). */
    POLICY_CHANGE,
    /** A password written to the user's directory (LDAP/AD) or refused by it. */
    WRITEBACK,
    /**
     * A help-desk agent's action on a caller (looked up, code sent, verified, pass issued, unlocked...), or a pass
     * the help desk issued used or expired: the reason names the agent ({@code agent <username>}).
     */
    HELP_DESK,
    /** A password-expiry reminder sent: {@code step} = the threshold in days, {@code method} = the channels. */
    REMINDER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditActivity> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
