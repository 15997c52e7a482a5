package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.PolicySettings.*;
import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;


/**
 * The reset policy: one immutable, validated value read once per request. Every component asks it; none parses the
 * config map itself. Its settings, their defaults and the values they accept are declared in {@link PolicySettings}.
 */
public record SsprPolicy(
        SsprScope scope,
        String scopeGroup,
        List<String> methods,
        int methodsRequired,
        String adminRole,
        String adminGroup,
        int codeLength,
        Duration codeLifetime,
        int sendsPerUser,
        int sendsPerClientIp,
        int sendsPerDestination,
        Duration budgetWindow,
        boolean captchaEnabled,
        int captchaDifficulty,
        boolean unlockAllowed,
        boolean enumerationSafe,
        int questionsToAnswer,
        AttemptLimits attempts,
        PhoneRules phone,
        HelpDeskLimits helpDesk,
        ExpiryReminders reminders) {

    /** Administrators always prove two methods, like Entra's fixed administrator policy. */
    public static final int ADMIN_METHODS_REQUIRED = 2;
    /** Budgets are slots in the cluster cache; beyond this a limit is no limit. */
    public static final int MAX_SENDS = 100;
    /** Below this the proof of work stops nothing; above it a slow phone works towards the widget's 90 s timeout. */
    public static final int MIN_CAPTCHA_DIFFICULTY = 1_000;
    public static final int MAX_CAPTCHA_DIFFICULTY = 10_000_000;

    public static final SsprPolicy DEFAULTS = new SsprPolicy(SCOPE_SETTING.defaultValue(), null,
            METHODS_SETTING.defaultValue(), METHODS_REQUIRED_SETTING.defaultValue(), null, null,
            CODE_LENGTH_SETTING.defaultValue(), Duration.ofMinutes(CODE_LIFETIME_SETTING.defaultValue()),
            SENDS_PER_USER_SETTING.defaultValue(), SENDS_PER_CLIENT_IP_SETTING.defaultValue(),
            SENDS_PER_DESTINATION_SETTING.defaultValue(), Duration.ofMinutes(BUDGET_WINDOW_SETTING.defaultValue()),
            CAPTCHA_ENABLED_SETTING.defaultValue(), CAPTCHA_DIFFICULTY_SETTING.defaultValue(),
            UNLOCK_ALLOWED_SETTING.defaultValue(), ENUMERATION_SAFE_SETTING.defaultValue(),
            QUESTIONS_TO_ANSWER_SETTING.defaultValue(), AttemptLimits.DEFAULTS, PhoneRules.DEFAULTS,
            HelpDeskLimits.DEFAULTS, ExpiryReminders.DEFAULTS);

    /** Each value as its {@link PolicySettings setting} accepts it, and the rules that tie two settings together. */
    public SsprPolicy {
        methods = List.copyOf(METHODS_SETTING.check(methods));
        require(scope != SsprScope.GROUP || scopeGroup != null && !scopeGroup.isBlank(), SCOPE_GROUP,
                "a group is required when the scope is GROUP");
        METHODS_REQUIRED_SETTING.check(methodsRequired);
        require(methods.size() >= methodsRequired, METHODS_REQUIRED, "more methods required than available");
        CODE_LENGTH_SETTING.check(codeLength);
        require(!codeLifetime.isNegative() && !codeLifetime.isZero(), CODE_LIFETIME_MINUTES, "must be positive");
        CODE_LIFETIME_SETTING.check((int) Math.min(codeLifetime.toMinutes(), Integer.MAX_VALUE));
        SENDS_PER_USER_SETTING.check(sendsPerUser);
        SENDS_PER_CLIENT_IP_SETTING.check(sendsPerClientIp);
        SENDS_PER_DESTINATION_SETTING.check(sendsPerDestination);
        BUDGET_WINDOW_SETTING.check((int) Math.min(budgetWindow.toMinutes(), Integer.MAX_VALUE));
        CAPTCHA_DIFFICULTY_SETTING.check(captchaDifficulty);
        QUESTIONS_TO_ANSWER_SETTING.check(questionsToAnswer);
        require(attempts != null, ATTEMPTS_PER_ACCOUNT, "attempt limits are required");
        require(phone != null, PHONE_REGION, "phone rules are required");
        require(helpDesk != null, HELPDESK_CODES_PER_AGENT, "help-desk limits are required");
        require(reminders != null, REMINDER_DAYS, "reminder settings are required");
    }

    /** Reads an execution's config; absent keys take the defaults, bad values are refused with the key named. */
    public static SsprPolicy from(Map<String, String> config) {
        ConfigReader read = new ConfigReader(config == null ? Map.of() : config);
        return new SsprPolicy(
                SCOPE_SETTING.read(read),
                SCOPE_GROUP_SETTING.read(read),
                METHODS_SETTING.read(read),
                METHODS_REQUIRED_SETTING.read(read),
                ADMIN_ROLE_SETTING.read(read),
                ADMIN_GROUP_SETTING.read(read),
                CODE_LENGTH_SETTING.read(read),
                Duration.ofMinutes(CODE_LIFETIME_SETTING.read(read)),
                SENDS_PER_USER_SETTING.read(read),
                SENDS_PER_CLIENT_IP_SETTING.read(read),
                SENDS_PER_DESTINATION_SETTING.read(read),
                Duration.ofMinutes(BUDGET_WINDOW_SETTING.read(read)),
                CAPTCHA_ENABLED_SETTING.read(read),
                CAPTCHA_DIFFICULTY_SETTING.read(read),
                UNLOCK_ALLOWED_SETTING.read(read),
                ENUMERATION_SAFE_SETTING.read(read),
                QUESTIONS_TO_ANSWER_SETTING.read(read),
                AttemptLimits.read(read),
                PhoneRules.read(read),
                HelpDeskLimits.read(read),
                ExpiryReminders.read(read));
    }

    /** This policy with another per-client-address send budget. */
    public SsprPolicy withSendsPerClientIp(int sends) {
        return new SsprPolicy(scope, scopeGroup, methods, methodsRequired, adminRole, adminGroup, codeLength,
                codeLifetime, sendsPerUser, sends, sendsPerDestination, budgetWindow, captchaEnabled,
                captchaDifficulty, unlockAllowed, enumerationSafe, questionsToAnswer, attempts, phone, helpDesk,
                reminders);
    }

    /** How many distinct methods this user must prove. */
    public int methodsRequiredFor(boolean administrator) {
        return administrator ? ADMIN_METHODS_REQUIRED : methodsRequired;
    }

    /**
     * How many distinct methods a signed-in user proves before changing security info: one, as Entra asks one recent
     * second factor, and for administrators as many as their reset. Fewer when the user has fewer that can prove.
     */
    public int methodsBeforeChangeFor(boolean administrator) {
        return administrator ? ADMIN_METHODS_REQUIRED : 1;
    }

    /** The methods this user may use: administrators never answer security questions. */
    public List<String> methodsFor(boolean administrator) {
        return administrator ? methods.stream().filter(m -> !SsprMethodIds.QUESTIONS.equals(m)).toList() : methods;
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidPolicyException(key, problem);
        }
    }
}
