package io.github.keycloaksspr.core.masking;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The one masked form of a phone number or email address, for pages, credential labels and logs alike: enough for
 * the owner to recognise the destination, too little for anyone else to use it.
 */
public final class Masking {

    private static final String DOTS = "\u2022\u2022\u2022";

    private Masking() {
    }

    /**
     * {@code +4915112345678} → {@code +49 ••• •• 78}, {@code +12015550123} → {@code +1 ••• •• 23}: the country calling
     * code and the last two digits. Nothing of the area or mobile prefix, which would tell apart numbers of one
     * country (and made-up ones from real ones).
     */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 6) {
            return DOTS;
        }
        String tail = " " + DOTS + " \u2022\u2022 " + e164.substring(e164.length() - 2);
        try {
            return "+" + PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode() + tail;
        } catch (NumberParseException e) {
            return "+\u2022\u2022" + tail;
        }
    }

    /** {@code jane.doe@example.org} → {@code j•••@example.org}. */
    public static String email(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return DOTS;
        }
        return new String(Character.toChars(address.codePointAt(0))) + DOTS + address.substring(at);
    }
}
