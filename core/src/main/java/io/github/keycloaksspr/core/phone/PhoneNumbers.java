package io.github.keycloaksspr.core.phone;

import java.util.regex.Pattern;

/** Phone numbers in E.164 form ({@code +} and up to 15 digits): checked, and cleaned up from what people type. */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()./-]");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * What a person typed or a directory holds ({@code 0049 (151) 123-45}), without separators and with the
     * international {@code 00} prefix as {@code +}; not checked, see {@link #isE164}.
     */
    public static String clean(String typed) {
        String number = typed == null ? "" : SEPARATORS.matcher(typed).replaceAll("");
        return number.startsWith("00") ? "+" + number.substring(2) : number;
    }
}
