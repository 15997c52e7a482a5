package io.github.keycloaksspr.core.masking;

/**
 * The one masked form of a phone number or email address, for pages, credential labels and logs alike: enough for
 * the owner to recognise the destination, too little for anyone else to use it.
 */
public final class Masking {

    private static final String DOTS = "\u2022\u2022\u2022";

    private Masking() {
    }

    /** {@code +4915112345678} → {@code +49 ••• •• 78}. */
    public static String phone(String e164) {
        if (e164 == null || e164.length() < 6) {
            return DOTS;
        }
        return e164.substring(0, 3) + " " + DOTS + " \u2022\u2022 " + e164.substring(e164.length() - 2);
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
