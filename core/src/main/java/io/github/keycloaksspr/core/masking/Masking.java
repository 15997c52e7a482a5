package io.github.keycloaksspr.core.masking;

import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The one masked form of a phone number or email address, for pages, credential labels and logs alike: enough for
 * the owner to recognise the destination, too little for anyone else to use it.
 */
public final class Masking {

    private static final String DOTS = "\u2022\u2022\u2022";

    /**
     * The mail domains a masked address shows: the large personal mail services, where alternate addresses are. Any
     * other domain (a company's, a university's, a small provider's) would point at its owner, and would tell a
     * registered account from a made-up one: it shows as {@code •••}.
     */
    public static final List<String> SHOWN_MAIL_DOMAINS = List.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net",
            "gmx.at", "gmx.ch", "web.de", "t-online.de", "proton.me", "protonmail.com", "mail.com", "orange.fr",
            "free.fr", "libero.it", "yandex.ru", "mail.ru", "qq.com", "163.com");

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

    /** {@code jane.doe@gmail.com} → {@code j•••@gmail.com}; {@code jane.doe@acme.example} → {@code j•••@•••}. */
    public static String email(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at < 1) {
            return DOTS;
        }
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        return new String(Character.toChars(address.codePointAt(0))) + DOTS + "@"
                + (SHOWN_MAIL_DOMAINS.contains(domain) ? domain : DOTS);
    }
}
