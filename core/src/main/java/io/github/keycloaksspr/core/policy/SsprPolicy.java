package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.code.OneTimeCodes;

/**
 * The reset policy: one immutable, validated value read once per request. Every component asks it; none parses the
 * config map itself. Defaults follow Entra's recommendations (two methods, notifications on, no questions for admins).
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
        PhoneRules phone) {

    /** Administrators always prove two methods, like Entra's fixed administrator policy. */
    public static final int ADMIN_METHODS_REQUIRED = 2;
    /** Budgets are slots in the cluster cache; beyond this a limit is no limit. */
    public static final int MAX_SENDS = 100;
    /** Below this the proof of work stops nothing; above it a slow phone works towards the widget's 90 s timeout. */
    public static final int MIN_CAPTCHA_DIFFICULTY = 1_000;
    public static final int MAX_CAPTCHA_DIFFICULTY = 10_000_000;

    public static final SsprPolicy DEFAULTS = new SsprPolicy(SsprScope.ALL, null,
            List.of(SsprMethodIds.EMAIL, SsprMethodIds.SMS, SsprMethodIds.TOTP), 2, null, null,
            6, Duration.ofMinutes(5), 5, 20, 3, Duration.ofMinutes(60), true, 50_000, true, true, 3,
            AttemptLimits.DEFAULTS, PhoneRules.DEFAULTS);

    public SsprPolicy {
        methods = List.copyOf(methods);
        require(scope != SsprScope.GROUP || scopeGroup != null && !scopeGroup.isBlank(), SCOPE_GROUP,
                "a group is required when the scope is GROUP");
        require(!methods.isEmpty(), METHODS, "at least one method must be available");
        methods.forEach(m -> require(SsprMethodIds.ALL.contains(m), METHODS, "unknown method " + m));
        require(methods.stream().distinct().count() == methods.size(), METHODS, "a method is listed twice");
        require(methodsRequired == 1 || methodsRequired == 2, METHODS_REQUIRED, "must be 1 or 2");
        require(methods.size() >= methodsRequired, METHODS_REQUIRED, "more methods required than available");
        require(codeLength >= OneTimeCodes.MIN_LENGTH && codeLength <= OneTimeCodes.MAX_LENGTH, CODE_LENGTH,
                "must be " + OneTimeCodes.MIN_LENGTH + " to " + OneTimeCodes.MAX_LENGTH + " digits");
        require(!codeLifetime.isNegative() && !codeLifetime.isZero() && codeLifetime.compareTo(OneTimeCodes.MAX_TTL) <= 0,
                CODE_LIFETIME_MINUTES, "must be 1 to " + OneTimeCodes.MAX_TTL_MINUTES + " minutes");
        require(sendsPerUser >= 1 && sendsPerUser <= MAX_SENDS, SENDS_PER_USER, "must be 1 to " + MAX_SENDS);
        require(sendsPerClientIp >= 1 && sendsPerClientIp <= MAX_SENDS, SENDS_PER_CLIENT_IP, "must be 1 to " + MAX_SENDS);
        require(sendsPerDestination >= 1 && sendsPerDestination <= MAX_SENDS, SENDS_PER_DESTINATION,
                "must be 1 to " + MAX_SENDS);
        require(budgetWindow.toMinutes() >= 1 && budgetWindow.toHours() <= 24, BUDGET_WINDOW_MINUTES,
                "must be 1 minute to 24 hours");
        require(captchaDifficulty >= MIN_CAPTCHA_DIFFICULTY && captchaDifficulty <= MAX_CAPTCHA_DIFFICULTY,
                CAPTCHA_DIFFICULTY, "must be " + MIN_CAPTCHA_DIFFICULTY + " to " + MAX_CAPTCHA_DIFFICULTY);
        require(questionsToAnswer >= 3 && questionsToAnswer <= 5, QUESTIONS_TO_ANSWER, "must be 3 to 5");
        require(attempts != null, ATTEMPTS_PER_ACCOUNT, "attempt limits are required");
        require(phone != null, PHONE_REGION, "phone rules are required");
    }

    /** Reads an execution's config; absent keys take the defaults, bad values are refused with the key named. */
    public static SsprPolicy from(Map<String, String> config) {
        ConfigReader read = new ConfigReader(config == null ? Map.of() : config);
        return new SsprPolicy(
                read.enumValue(SCOPE, SsprScope.class, DEFAULTS.scope),
                read.text(SCOPE_GROUP, DEFAULTS.scopeGroup),
                read.list(METHODS, DEFAULTS.methods),
                read.integer(METHODS_REQUIRED, DEFAULTS.methodsRequired),
                read.text(ADMIN_ROLE, DEFAULTS.adminRole),
                read.text(ADMIN_GROUP, DEFAULTS.adminGroup),
                read.integer(CODE_LENGTH, DEFAULTS.codeLength),
                Duration.ofMinutes(read.integer(CODE_LIFETIME_MINUTES, (int) DEFAULTS.codeLifetime.toMinutes())),
                read.integer(SENDS_PER_USER, DEFAULTS.sendsPerUser),
                read.integer(SENDS_PER_CLIENT_IP, DEFAULTS.sendsPerClientIp),
                read.integer(SENDS_PER_DESTINATION, DEFAULTS.sendsPerDestination),
                Duration.ofMinutes(read.integer(BUDGET_WINDOW_MINUTES, (int) DEFAULTS.budgetWindow.toMinutes())),
                read.bool(CAPTCHA_ENABLED, DEFAULTS.captchaEnabled),
                read.integer(CAPTCHA_DIFFICULTY, DEFAULTS.captchaDifficulty),
                read.bool(UNLOCK_ALLOWED, DEFAULTS.unlockAllowed),
                read.bool(ENUMERATION_SAFE, DEFAULTS.enumerationSafe),
                read.integer(QUESTIONS_TO_ANSWER, DEFAULTS.questionsToAnswer),
                AttemptLimits.read(read),
                PhoneRules.read(read));
    }

    /** This policy with another per-client-address send budget. */
    public SsprPolicy withSendsPerClientIp(int sends) {
        return new SsprPolicy(scope, scopeGroup, methods, methodsRequired, adminRole, adminGroup, codeLength,
                codeLifetime, sendsPerUser, sends, sendsPerDestination, budgetWindow, captchaEnabled,
                captchaDifficulty, unlockAllowed, enumerationSafe, questionsToAnswer, attempts, phone);
    }

    /** How many distinct methods this user must prove. */
    public int methodsRequiredFor(boolean administrator) {
        return administrator ? ADMIN_METHODS_REQUIRED : methodsRequired;
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
