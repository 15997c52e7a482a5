package io.github.keycloaksspr.core.phone;

import java.util.regex.Pattern;

/** Checks and masks phone numbers in E.164 form ({@code +} and up to 15 digits). */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** Digits kept visible at each end: enough for a user or an operator to recognise the number. */
    private static final int VISIBLE_PREFIX_DIGITS = 2;
    private static final int VISIBLE_SUFFIX_DIGITS = 2;

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * Returns the number with its middle digits replaced by {@code *}, e.g. {@code +49*********67}.
     * Phone numbers are personal data: logs and screens get this form, never the full number.
     */
    public static String mask(String number) {
        if (!isE164(number)) {
            return "<not an E.164 number>";
        }
        String digits = number.substring(1);
        int hidden = digits.length() - VISIBLE_PREFIX_DIGITS - VISIBLE_SUFFIX_DIGITS;
        if (hidden < 2) {
            return "+" + "*".repeat(digits.length());
        }
        return "+" + digits.substring(0, VISIBLE_PREFIX_DIGITS)
                + "*".repeat(hidden)
                + digits.substring(digits.length() - VISIBLE_SUFFIX_DIGITS);
    }
}
