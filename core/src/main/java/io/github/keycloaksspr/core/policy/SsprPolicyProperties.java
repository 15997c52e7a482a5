package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.*;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.keycloaksspr.core.code.OneTimeCodes;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The reset policy's settings as the admin console shows them (the config of {@code sspr-verify-identity}), beside
 * the keys they write. Every choice is a fixed list, so an admin cannot save a value the policy would refuse.
 */
public final class SsprPolicyProperties {

    private static final SsprPolicy D = SsprPolicy.DEFAULTS;

    public static final List<ProviderConfigProperty> CONSOLE = ProviderConfigurationBuilder.create()
                .property().name(SCOPE).label("Self service password reset enabled for")
                .helpText("NONE: nobody; GROUP: members of the group below (and its subgroups); ALL: every user.")
                .type(ProviderConfigProperty.LIST_TYPE).options("ALL", "GROUP", "NONE")
                .defaultValue(D.scope().name()).add()
                .property().name(SCOPE_GROUP).label("Group").helpText("The group when the scope is GROUP.")
                .type(ProviderConfigProperty.GROUP_TYPE).add()
                .property().name(METHODS).label("Methods available to users")
                .helpText("Methods a user may prove identity with. Administrators never use security questions. "
                        + SsprMethodIds.legend() + ".")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(SsprMethodIds.ALL)
                .defaultValue(String.join(LIST_SEPARATOR, D.methods())).add()
                .property().name(METHODS_REQUIRED).label("Number of methods required to reset")
                .helpText("Users prove 1 or 2 distinct methods; administrators always 2.")
                .type(ProviderConfigProperty.LIST_TYPE).options("1", "2")
                .defaultValue(Integer.toString(D.methodsRequired())).add()
                .property().name(ADMIN_ROLE).label("Also administrators: role")
                .helpText("Holders of any realm-management role are administrators; add a role here to include more.")
                .type(ProviderConfigProperty.ROLE_TYPE).add()
                .property().name(ADMIN_GROUP).label("Also administrators: group")
                .helpText("Members of this group are treated as administrators too.")
                .type(ProviderConfigProperty.GROUP_TYPE).add()
                .property().name(CODE_LENGTH).label("Code length").helpText("Digits of emailed, texted and spoken codes.")
                .type(ProviderConfigProperty.LIST_TYPE).options(range(OneTimeCodes.MIN_LENGTH, OneTimeCodes.MAX_LENGTH))
                .defaultValue(Integer.toString(D.codeLength())).add()
                .property().name(CODE_LIFETIME_MINUTES).label("Code lifetime (minutes)")
                .helpText("How long a sent code is valid; at most 10 minutes.")
                .type(ProviderConfigProperty.LIST_TYPE).options(range(1, OneTimeCodes.MAX_TTL_MINUTES))
                .defaultValue(Long.toString(D.codeLifetime().toMinutes())).add()
                .property().name(SENDS_PER_USER).label("Codes sent per user per window")
                .type(ProviderConfigProperty.LIST_TYPE).options("1", "2", "3", "5", "10", "20", "50", "100")
                .defaultValue(Integer.toString(D.sendsPerUser())).add()
                .property().name(SENDS_PER_CLIENT_IP).label("Codes sent per client address per window")
                .type(ProviderConfigProperty.LIST_TYPE).options("1", "5", "10", "20", "50", "100")
                .defaultValue(Integer.toString(D.sendsPerClientIp())).add()
                .property().name(SENDS_PER_DESTINATION).label("Codes sent per phone number or address per window")
                .type(ProviderConfigProperty.LIST_TYPE).options("1", "2", "3", "5", "10", "20")
                .defaultValue(Integer.toString(D.sendsPerDestination())).add()
                .property().name(BUDGET_WINDOW_MINUTES).label("Send budget window (minutes)")
                .type(ProviderConfigProperty.LIST_TYPE).options("5", "15", "30", "60", "240", "1440")
                .defaultValue(Long.toString(D.budgetWindow().toMinutes())).add()
                .property().name(CAPTCHA_ENABLED).label("CAPTCHA on 'Forgot password?'")
                .helpText("A self-hosted proof-of-work CAPTCHA (ALTCHA) before anything else happens.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(Boolean.toString(D.captchaEnabled())).add()
                .property().name(CAPTCHA_DIFFICULTY).label("CAPTCHA difficulty")
                .helpText("Upper bound of the proof-of-work search; higher costs bots (and browsers) more time.")
                .type(ProviderConfigProperty.LIST_TYPE).options("1000", "10000", "50000", "100000", "500000", "1000000")
                .defaultValue(Integer.toString(D.captchaDifficulty())).add()
                .property().name(UNLOCK_ALLOWED).label("Allow unlocking without resetting")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(Boolean.toString(D.unlockAllowed())).add()
                .property().name(ENUMERATION_SAFE).label("Hide whether an account exists")
                .helpText("Unknown, disabled, out-of-scope and unregistered accounts get the same pages as real "
                        + "ones and one generic message at the end.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(Boolean.toString(D.enumerationSafe())).add()
                .property().name(QUESTIONS_TO_ANSWER).label("Security questions to answer")
                .type(ProviderConfigProperty.LIST_TYPE).options("3", "4", "5")
                .defaultValue(Integer.toString(D.questionsToAnswer())).add()
                .property().name(ATTEMPTS_PER_ACCOUNT).label("Wrong answers before an account is blocked")
                .helpText("Wrong codes, answers and passkey tries of one account (or one typed name), in any session; "
                        + "then the account is blocked from self-service reset for the rest of the window.")
                .type(ProviderConfigProperty.LIST_TYPE).options("3", "5", "10", "20")
                .defaultValue(Integer.toString(D.attempts().perAccount())).add()
                .property().name(ATTEMPTS_PER_CLIENT_IP).label("Wrong answers before a client address is blocked")
                .helpText("Across all accounts, from one address (IPv6: one /64).")
                .type(ProviderConfigProperty.LIST_TYPE).options("10", "20", "50", "100")
                .defaultValue(Integer.toString(D.attempts().perClientIp())).add()
                .property().name(ATTEMPTS_WINDOW_HOURS).label("Block window (hours)")
                .type(ProviderConfigProperty.LIST_TYPE).options("1", "4", "12", "24", "48", "168")
                .defaultValue(Long.toString(D.attempts().window().toHours())).add()
                .property().name(PHONE_REGION).label("Phone numbers: default region")
                .helpText("Region of national numbers (\"0151 ...\"). Empty: only international numbers (+49 ...).")
                .type(ProviderConfigProperty.LIST_TYPE).options(withNone(regions())).defaultValue("").add()
                .property().name(PHONE_COUNTRIES).label("Phone numbers: countries texted and called")
                .helpText("Country calling codes. Empty: the default region's only, or every country without one. "
                        + "Premium-rate, shared-cost and personal numbers are never texted or called.")
                .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE).options(callingCodes()).add()
                .property().name(PHONE_SENDS_PER_REALM).label("SMS and calls of the whole realm per window")
                .helpText("A ceiling on what the realm spends on texts and calls in one send-budget window; "
                        + "beyond it phone methods pause, email still works.")
                .type(ProviderConfigProperty.LIST_TYPE).options("100", "500", "1000", "5000", "10000", "100000")
                .defaultValue(Integer.toString(D.phone().sendsPerRealm())).add()
                .property().name(NotificationSettings.NOTIFY_USER).label("Notify users of resets")
                .helpText("Email the user at the account and the alternate addresses after every self-service "
                        + "reset or unlock. Needs the event listener 'sspr' (Realm settings → Events).")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(Boolean.toString(NotificationSettings.DEFAULTS.notifyUser())).add()
                .property().name(NotificationSettings.NOTIFY_ADMINS).label("Notify all admins of admin resets")
                .helpText("Email every administrator when an administrator resets their password.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(Boolean.toString(NotificationSettings.DEFAULTS.notifyAdmins())).add()
                .build();

    private SsprPolicyProperties() {
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

    private static List<String> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }
}
