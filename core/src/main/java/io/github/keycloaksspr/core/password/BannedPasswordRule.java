package io.github.keycloaksspr.core.password;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the pack's password policies refused a password: one rule id for events and the audit, one message key for the
 * user. The policies (module {@code password-policy}) produce these; the reset flow reads them back from Keycloak's
 * policy error to record {@code sspr_reason=banned_password} with the rule.
 */
public enum BannedPasswordRule {

    /** Contains (or is one edit away from) a password of the global list of common passwords. */
    COMMON_PASSWORD("common_password", "ssprBannedPasswordCommon"),
    /** Contains (or is one edit away from) one of the realm's custom banned terms; the term is not shown. */
    BANNED_TERM("banned_term", "ssprBannedPasswordTerm"),
    /** As {@link #BANNED_TERM}, with the matching part of the password shown (the realm chose to). */
    BANNED_TERM_SHOWN("banned_term", "ssprBannedPasswordTermShown"),
    /** Contains the user's user name, first or last name or email name. */
    PERSONAL_DATA("personal_data", "ssprBannedPasswordPersonal"),
    /** Contains the realm's (organisation's) name. */
    ORGANISATION_NAME("organisation_name", "ssprBannedPasswordOrganisation"),
    /** Nothing banned found, but too few characters to reach the score. */
    TOO_SIMPLE("too_simple", "ssprBannedPasswordTooSimple"),
    /** The breached-password service knows it. */
    BREACHED("breached", "ssprBreachedPassword"),
    /** The breached-password service could not answer and the realm fails closed. */
    BREACH_CHECK_UNAVAILABLE("breach_check_unavailable", "ssprBreachCheckUnavailable");

    /** The audit reason every rule is recorded under ({@code sspr_reason}); the rule goes to {@code sspr_banned_rule}. */
    public static final String AUDIT_REASON = "banned_password";

    private final String id;
    private final String messageKey;

    BannedPasswordRule(String id, String messageKey) {
        this.id = id;
        this.messageKey = messageKey;
    }

    public String id() {
        return id;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The rule behind a policy error's message key, if it is one of the pack's. */
    public static Optional<BannedPasswordRule> ofMessageKey(String messageKey) {
        return Arrays.stream(values()).filter(rule -> rule.messageKey.equals(messageKey)).findFirst();
    }
}
