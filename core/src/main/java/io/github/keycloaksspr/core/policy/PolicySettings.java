package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.keycloaksspr.core.code.OneTimeCodes;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * Every setting of the reset policy (the config of {@code sspr-verify-identity}), in the admin console's order. Each
 * is declared here once; {@link SsprPolicy}, the console, and the admin guide's table (checked by a test) follow.
 * Defaults follow Entra's recommendations (two methods, notifications on, no questions for administrators).
 */
public final class PolicySettings {

    public static final PolicySetting<SsprScope> SCOPE_SETTING = PolicySetting.choice(SCOPE,
                    "Self service password reset enabled for", SsprScope.class, SsprScope.ALL)
            .help("NONE: nobody; GROUP: members of the group below (and its subgroups); ALL: every user.");
    public static final PolicySetting<String> SCOPE_GROUP_SETTING = PolicySetting.text(SCOPE_GROUP, "Group",
                    ProviderConfigProperty.GROUP_TYPE, List.of(), v -> null,
                    "group path, required for `GROUP` (members of subgroups count)")
            .help("The group when the scope is GROUP.");
    public static final PolicySetting<List<String>> METHODS_SETTING = PolicySetting.list(METHODS,
                    "Methods available to users", SsprMethodIds.ALL,
                    List.of(SsprMethodIds.EMAIL, SsprMethodIds.SMS, SsprMethodIds.TOTP), PolicySettings::methodsProblem,
                    "any of the method ids; the field's help in the console names each (" + SsprMethodIds.legend()
                            + "): Keycloak's config forms list option values, not labels")
            .help("Methods a user may prove identity with. Administrators never use security questions. "
                    + SsprMethodIds.legend() + ".");
    public static final PolicySetting<Integer> METHODS_REQUIRED_SETTING = PolicySetting.number(METHODS_REQUIRED,
                    "Number of methods required to reset", 2, 1, 2, List.of())
            .help("Users prove 1 or 2 distinct methods; administrators always 2.")
            .values("`1`, `2` (administrators: always 2)");
    public static final PolicySetting<String> ADMIN_ROLE_SETTING = PolicySetting.text(ADMIN_ROLE,
                    "Also administrators: role", ProviderConfigProperty.ROLE_TYPE, List.of(), v -> null,
                    "a role; holders of any `realm-management` role always count")
            .help("Holders of any realm-management role are administrators; add a role here to include more.");
    public static final PolicySetting<String> ADMIN_GROUP_SETTING = PolicySetting.text(ADMIN_GROUP,
                    "Also administrators: group", ProviderConfigProperty.GROUP_TYPE, List.of(), v -> null,
                    "a group path")
            .help("Members of this group are treated as administrators too.");
    public static final PolicySetting<Integer> CODE_LENGTH_SETTING = PolicySetting.number(CODE_LENGTH, "Code length",
                    6, OneTimeCodes.MIN_LENGTH, OneTimeCodes.MAX_LENGTH, List.of())
            .help("Digits of emailed, texted and spoken codes.");
    public static final PolicySetting<Integer> CODE_LIFETIME_SETTING = PolicySetting.number(CODE_LIFETIME_MINUTES,
                    "Code lifetime (minutes)", 5, 1, OneTimeCodes.MAX_TTL_MINUTES, List.of())
            .help("How long a sent code is valid; at most 10 minutes.");
    public static final PolicySetting<Integer> SENDS_PER_USER_SETTING = PolicySetting.number(SENDS_PER_USER,
            "Codes sent per user per window", 5, 1, SsprPolicy.MAX_SENDS,
            List.of("1", "2", "3", "5", "10", "20", "50", "100"));
    public static final PolicySetting<Integer> SENDS_PER_CLIENT_IP_SETTING = PolicySetting.number(SENDS_PER_CLIENT_IP,
                    "Codes sent per client address per window", 20, 1, SsprPolicy.MAX_SENDS,
                    List.of("1", "5", "10", "20", "50", "100"))
            .values("1-100 (IPv6: per /64; console: 1, 5, 10, 20, 50, 100)");
    public static final PolicySetting<Integer> SENDS_PER_DESTINATION_SETTING = PolicySetting.number(
            SENDS_PER_DESTINATION, "Codes sent per phone number or address per window", 3, 1, SsprPolicy.MAX_SENDS,
            List.of("1", "2", "3", "5", "10", "20"));
    public static final PolicySetting<Integer> BUDGET_WINDOW_SETTING = PolicySetting.number(BUDGET_WINDOW_MINUTES,
            "Send budget window (minutes)", 60, 1, 1440, List.of("5", "15", "30", "60", "240", "1440"));
    public static final PolicySetting<Boolean> CAPTCHA_ENABLED_SETTING = PolicySetting.flag(CAPTCHA_ENABLED,
                    "CAPTCHA on 'Forgot password?'", true)
            .help("A self-hosted proof-of-work CAPTCHA (ALTCHA) before anything else happens.");
    public static final PolicySetting<Integer> CAPTCHA_DIFFICULTY_SETTING = PolicySetting.number(CAPTCHA_DIFFICULTY,
                    "CAPTCHA difficulty", 50_000, SsprPolicy.MIN_CAPTCHA_DIFFICULTY, SsprPolicy.MAX_CAPTCHA_DIFFICULTY,
                    List.of("1000", "10000", "50000", "100000", "500000", "1000000"))
            .help("Upper bound of the proof-of-work search; higher costs bots (and browsers) more time.");
    public static final PolicySetting<Boolean> UNLOCK_ALLOWED_SETTING = PolicySetting.flag(UNLOCK_ALLOWED,
            "Allow unlocking without resetting", true);
    public static final PolicySetting<Boolean> ENUMERATION_SAFE_SETTING = PolicySetting.flag(ENUMERATION_SAFE,
                    "Hide whether an account exists", true)
            .help("Unknown, disabled, out-of-scope and unregistered accounts get the same pages as real ones and one "
                    + "generic message at the end.")
            .values("off: ineligible accounts get a clear error instead of the decoy run");
    public static final PolicySetting<Integer> QUESTIONS_TO_ANSWER_SETTING = PolicySetting.number(QUESTIONS_TO_ANSWER,
            "Security questions to answer", 3, 3, 5, List.of());
    public static final PolicySetting<Integer> ATTEMPTS_PER_ACCOUNT_SETTING = PolicySetting.number(
                    ATTEMPTS_PER_ACCOUNT, "Wrong answers before an account is blocked", 5, 1,
                    AttemptLimits.MAX_ATTEMPTS, List.of("3", "5", "10", "20"))
            .help("Wrong codes, answers and passkey tries of one account (or one typed name), in any session; then "
                    + "the account is blocked from self-service reset for the rest of the window.");
    public static final PolicySetting<Integer> ATTEMPTS_PER_CLIENT_IP_SETTING = PolicySetting.number(
                    ATTEMPTS_PER_CLIENT_IP, "Wrong answers before a client address is blocked", 50, 1,
                    AttemptLimits.MAX_ATTEMPTS, List.of("10", "20", "50", "100"))
            .help("Across all accounts, from one address (IPv6: one /64).")
            .values("1-100 (IPv6: per /64; console: 10, 20, 50, 100)");
    public static final PolicySetting<Integer> ATTEMPTS_WINDOW_SETTING = PolicySetting.number(ATTEMPTS_WINDOW_HOURS,
            "Block window (hours)", 24, 1, AttemptLimits.MAX_WINDOW_HOURS,
            List.of("1", "4", "12", "24", "48", "168"));
    public static final PolicySetting<String> PHONE_REGION_SETTING = PolicySetting.text(PHONE_REGION,
                    "Phone numbers: default region", ProviderConfigProperty.LIST_TYPE, withNone(regions()),
                    PolicySettings::regionProblem,
                    "an ISO 3166 region with a numbering plan (`DE`, `US`…); national numbers (`0151 …`) are read in "
                            + "it; without one only international numbers (`+49 …`) are accepted")
            .help("Region of national numbers (\"0151 ...\"). Empty: only international numbers (+49 ...).");
    public static final PolicySetting<List<String>> PHONE_COUNTRIES_SETTING = PolicySetting.list(PHONE_COUNTRIES,
                    "Phone numbers: countries texted and called", callingCodes(), List.of(), v -> null,
                    "country calling codes (`49`, `43`…); empty: the default region's only, or every country when "
                            + "there is no default region")
            .help("Country calling codes. Empty: the default region's only, or every country without one. "
                    + "Premium-rate, shared-cost and personal numbers are never texted or called.");
    public static final PolicySetting<Integer> PHONE_SENDS_PER_REALM_SETTING = PolicySetting.number(
                    PHONE_SENDS_PER_REALM, "SMS and calls of the whole realm per window", 1_000, 1,
                    PhoneRules.MAX_SENDS_PER_REALM, List.of("100", "500", "1000", "5000", "10000", "100000"))
            .help("A ceiling on what the realm spends on texts and calls in one send-budget window; beyond it phone "
                    + "methods pause, email still works.")
            .values("1-100000 (console: 100 … 100000); the window is `sspr.budget.window.minutes`");
    public static final PolicySetting<Integer> HELPDESK_CODES_PER_AGENT_SETTING = PolicySetting.number(
                    HELPDESK_CODES_PER_AGENT, "Help desk: codes one agent sends per hour", 20, 1,
                    HelpDeskLimits.MAX_PER_AGENT, List.of("5", "10", "20", "50", "100"))
            .help("Verification codes one help-desk agent sends to callers per hour; then the agent's page says so.");
    public static final PolicySetting<Integer> HELPDESK_CODES_PER_REALM_SETTING = PolicySetting.number(
                    HELPDESK_CODES_PER_REALM, "Help desk: codes all agents send per hour", 200, 1,
                    HelpDeskLimits.MAX_PER_REALM, List.of("50", "100", "200", "500", "1000", "10000"))
            .help("Verification codes the whole help desk sends per hour.");
    public static final PolicySetting<Integer> HELPDESK_PASSES_PER_AGENT_SETTING = PolicySetting.number(
                    HELPDESK_PASSES_PER_AGENT, "Help desk: passes one agent issues per hour", 10, 1,
                    HelpDeskLimits.MAX_PER_AGENT, List.of("1", "5", "10", "20", "50", "100"))
            .help("Temporary Access Passes one help-desk agent issues per hour.");
    public static final PolicySetting<Integer> HELPDESK_PASSES_PER_REALM_SETTING = PolicySetting.number(
                    HELPDESK_PASSES_PER_REALM, "Help desk: passes all agents issue per hour", 50, 1,
                    HelpDeskLimits.MAX_PER_REALM, List.of("10", "50", "100", "500", "1000"))
            .help("Temporary Access Passes the whole help desk issues per hour.");
    public static final PolicySetting<List<String>> REMINDER_DAYS_SETTING = PolicySetting.list(REMINDER_DAYS,
                    "Password expiry: remind this many days before", List.of("60", "30", "14", "7", "3", "1"),
                    List.of("14", "7", "1"), v -> null,
                    "days before the expiry, 1-90 (console: 60, 30, 14, 7, 3, 1); none: no reminders")
            .help("Realms with Keycloak's Expire Password policy (and passwords of Active Directory): each user gets "
                    + "one mail at each threshold. None chosen: no reminders.");
    public static final PolicySetting<Boolean> REMINDER_SMS_SETTING = PolicySetting.flag(REMINDER_SMS,
                    "Password expiry: text the mobile phone too", false)
            .help("Also text each reminder to the user's registered mobile phone.");
    public static final PolicySetting<Boolean> NOTIFY_USER_SETTING = PolicySetting.flag(
                    NotificationSettings.NOTIFY_USER, "Notify users of resets", true)
            .help("Email the user at the account and the alternate addresses after every self-service reset or "
                    + "unlock. Needs the event listener 'sspr' (Realm settings → Events).");
    public static final PolicySetting<Boolean> NOTIFY_ADMINS_SETTING = PolicySetting.flag(
                    NotificationSettings.NOTIFY_ADMINS, "Notify all admins of admin resets", true)
            .help("Email every administrator when an administrator resets their password.");

    /** All of them, in the console's order. */
    public static final List<PolicySetting<?>> ALL = List.of(SCOPE_SETTING, SCOPE_GROUP_SETTING, METHODS_SETTING,
            METHODS_REQUIRED_SETTING, ADMIN_ROLE_SETTING, ADMIN_GROUP_SETTING, CODE_LENGTH_SETTING,
            CODE_LIFETIME_SETTING, SENDS_PER_USER_SETTING, SENDS_PER_CLIENT_IP_SETTING, SENDS_PER_DESTINATION_SETTING,
            BUDGET_WINDOW_SETTING, CAPTCHA_ENABLED_SETTING, CAPTCHA_DIFFICULTY_SETTING, UNLOCK_ALLOWED_SETTING,
            ENUMERATION_SAFE_SETTING, QUESTIONS_TO_ANSWER_SETTING, ATTEMPTS_PER_ACCOUNT_SETTING,
            ATTEMPTS_PER_CLIENT_IP_SETTING, ATTEMPTS_WINDOW_SETTING, PHONE_REGION_SETTING, PHONE_COUNTRIES_SETTING,
            PHONE_SENDS_PER_REALM_SETTING, HELPDESK_CODES_PER_AGENT_SETTING, HELPDESK_CODES_PER_REALM_SETTING,
            HELPDESK_PASSES_PER_AGENT_SETTING, HELPDESK_PASSES_PER_REALM_SETTING, REMINDER_DAYS_SETTING,
            REMINDER_SMS_SETTING, NOTIFY_USER_SETTING, NOTIFY_ADMINS_SETTING);

    private PolicySettings() {
    }

    private static String methodsProblem(List<String> methods) {
        if (methods.isEmpty()) {
            return "at least one method must be available";
        }
        for (String method : methods) {
            if (!SsprMethodIds.ALL.contains(method)) {
                return "unknown method " + method;
            }
        }
        return methods.stream().distinct().count() == methods.size() ? null : "a method is listed twice";
    }

    private static String regionProblem(String region) {
        return region == null || region.isBlank() || PhoneNumberUtil.getInstance().getSupportedRegions()
                .contains(region.strip().toUpperCase(Locale.ROOT)) ? null : "not a region with a phone numbering plan";
    }

    private static List<String> regions() {
        return new TreeSet<>(PhoneNumberUtil.getInstance().getSupportedRegions()).stream().toList();
    }

    private static List<String> withNone(List<String> options) {
        List<String> all = new ArrayList<>(List.of(""));
        all.addAll(options);
        return all;
    }

    private static List<String> callingCodes() {
        return new TreeSet<>(PhoneNumberUtil.getInstance().getSupportedCallingCodes()).stream()
                .map(Object::toString).toList();
    }
}
