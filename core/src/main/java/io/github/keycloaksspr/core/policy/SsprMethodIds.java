package io.github.keycloaksspr.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Ids of the verification methods (providers of the {@code sspr-method} SPI). Fixed: realm JSON refers to them. */
public final class SsprMethodIds {

    public static final String EMAIL = "sspr-email";
    public static final String SMS = "sspr-sms";
    public static final String VOICE = "sspr-voice";
    public static final String OFFICE_PHONE = "sspr-office-phone";
    public static final String TOTP = "sspr-totp";
    public static final String PASSKEY = "sspr-passkey";
    public static final String QUESTIONS = "sspr-questions";

    public static final List<String> ALL = List.of(EMAIL, SMS, VOICE, OFFICE_PHONE, TOTP, PASSKEY, QUESTIONS);

    /**
     * A Temporary Access Pass: offered by every reset to a user who holds a live one, whatever the policy's methods;
     * never a policy choice.
     */
    public static final String TEMPORARY_ACCESS_PASS = "sspr-temporary-access-pass";
    /** A code to the account's own address: the help desk's way to verify a caller who lost every method. */
    public static final String ACCOUNT_EMAIL = "sspr-account-email";

    /** What each id means, in the words of Entra ID's methods, for admins who see ids in Keycloak's config forms. */
    public static final Map<String, String> NAMES = names();

    /** "sspr-email = Email code to an alternate address; …": the ids and their names in one line. */
    public static String legend() {
        return NAMES.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(EMAIL, "Email code to an alternate address");
        names.put(SMS, "Text message code to the mobile phone");
        names.put(VOICE, "Voice call code to the mobile phone");
        names.put(OFFICE_PHONE, "Voice call code to the office phone");
        names.put(TOTP, "Authenticator app code");
        names.put(PASSKEY, "Passkey");
        names.put(QUESTIONS, "Security questions");
        return Collections.unmodifiableMap(names);
    }

    private SsprMethodIds() {
    }
}
