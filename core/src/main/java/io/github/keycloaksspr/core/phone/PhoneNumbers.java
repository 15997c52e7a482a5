package io.github.keycloaksspr.core.phone;

import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.keycloaksspr.core.phone.PhoneCheck.Refusal;
import io.github.keycloaksspr.core.policy.PhoneRules;

/**
 * Phone numbers as the pack texts and calls them: read with Google's libphonenumber (the numbering plans of every
 * country), in E.164 form, of a kind a person answers, in an allowed country.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    /** Kinds a person answers. Premium rate, shared cost, personal numbers, pagers and unknown kinds are toll-fraud
     * targets: an attacker earns from every text or call the pack pays for. */
    private static final Set<PhoneNumberType> PERSONAL_KINDS = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP);
    private static final String NO_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /** The form alone: {@code +} and up to 15 digits (what Twilio accepts), without asking the numbering plan. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * Reads what a person typed or a directory holds ({@code 0151 123 45678}, {@code +49 (151) 123-45678},
     * {@code 0049…}) under the policy's phone rules.
     */
    public static PhoneCheck check(String typed, PhoneRules rules) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return PhoneCheck.refused(Refusal.INVALID);
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String text = typed.strip();
        if (rules.defaultRegion().isEmpty() && text.startsWith("00")) {
            // The international prefix of most countries: without a region to know it by, read it as "+".
            text = "+" + text.substring(2);
        }
        PhoneNumber number;
        try {
            number = util.parse(text, rules.defaultRegion().orElse(NO_REGION));
        } catch (NumberParseException e) {
            return PhoneCheck.refused(e.getErrorType() == NumberParseException.ErrorType.INVALID_COUNTRY_CODE
                    && rules.defaultRegion().isEmpty() ? Refusal.NATIONAL_WITHOUT_REGION : Refusal.INVALID);
        }
        if (!util.isValidNumber(number)) {
            return PhoneCheck.refused(Refusal.INVALID);
        }
        if (!PERSONAL_KINDS.contains(util.getNumberType(number))) {
            return PhoneCheck.refused(Refusal.KIND_NOT_ALLOWED);
        }
        if (!rules.reaches(number.getCountryCode())) {
            return PhoneCheck.refused(Refusal.COUNTRY_NOT_ALLOWED);
        }
        return PhoneCheck.accepted(util.format(number, PhoneNumberFormat.E164));
    }
}
