package io.github.keycloaksspr.it.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a one-time code out of what the user received. */
public final class Codes {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6,8})\\b");

    private Codes() {
    }

    public static String in(String text) {
        Matcher matcher = CODE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no code in: " + text);
        }
        return matcher.group(1);
    }

    /** A wrong code of the same length: what a guessing attacker posts. */
    public static String wrongFor(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) (last == '9' ? '0' : last + 1);
    }
}
