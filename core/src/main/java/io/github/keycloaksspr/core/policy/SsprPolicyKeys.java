package io.github.keycloaksspr.core.policy;

/** Config keys of the reset policy, stored in the config of the {@code sspr-verify-identity} execution. */
public final class SsprPolicyKeys {

    public static final String SCOPE = "sspr.scope";
    public static final String SCOPE_GROUP = "sspr.scope.group";
    public static final String METHODS = "sspr.methods";
    public static final String METHODS_REQUIRED = "sspr.methods.required";
    public static final String ADMIN_ROLE = "sspr.admin.role";
    public static final String ADMIN_GROUP = "sspr.admin.group";
    public static final String CODE_LENGTH = "sspr.code.length";
    public static final String CODE_LIFETIME_MINUTES = "sspr.code.lifetime.minutes";
    public static final String SENDS_PER_USER = "sspr.budget.sends.per.user";
    public static final String SENDS_PER_CLIENT_IP = "sspr.budget.sends.per.ip";
    public static final String SENDS_PER_DESTINATION = "sspr.budget.sends.per.destination";
    public static final String BUDGET_WINDOW_MINUTES = "sspr.budget.window.minutes";
    public static final String CAPTCHA_ENABLED = "sspr.captcha.enabled";
    public static final String CAPTCHA_DIFFICULTY = "sspr.captcha.difficulty";
    public static final String UNLOCK_ALLOWED = "sspr.unlock.allowed";
    public static final String ENUMERATION_SAFE = "sspr.enumeration.safe";
    public static final String QUESTIONS_TO_ANSWER = "sspr.questions.answer";
    public static final String ATTEMPTS_PER_ACCOUNT = "sspr.attempts.per.account";
    public static final String ATTEMPTS_PER_CLIENT_IP = "sspr.attempts.per.ip";
    public static final String ATTEMPTS_WINDOW_HOURS = "sspr.attempts.window.hours";
    public static final String PHONE_REGION = "sspr.phone.region";
    public static final String PHONE_COUNTRIES = "sspr.phone.countries";
    public static final String PHONE_SENDS_PER_REALM = "sspr.budget.phone.per.realm";
    public static final String HELPDESK_CODES_PER_AGENT = "sspr.helpdesk.codes.per.agent";
    public static final String HELPDESK_CODES_PER_REALM = "sspr.helpdesk.codes.per.realm";
    public static final String HELPDESK_PASSES_PER_AGENT = "sspr.helpdesk.passes.per.agent";
    public static final String HELPDESK_PASSES_PER_REALM = "sspr.helpdesk.passes.per.realm";
    public static final String REMINDER_DAYS = "sspr.reminder.days";
    public static final String REMINDER_SMS = "sspr.reminder.sms";

    /** Separator of multivalued lists in Keycloak's component and authenticator configs. */
    public static final String LIST_SEPARATOR = "##";

    private SsprPolicyKeys() {
    }
}
