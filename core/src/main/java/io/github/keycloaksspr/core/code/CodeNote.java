package io.github.keycloaksspr.core.code;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the authentication session holds for one issued code:
 * {@code v1|<expires at, epoch millis>|<tries left>|<code id>|<salt>|<HMAC>}, the last three
 * Base64url. The code itself is not in it.
 */
record CodeNote(long expiresAtMillis, int triesLeft, String codeId, String salt, String mac) {

    private static final String VERSION = "v1";
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\|");

    String format() {
        return String.join("|", VERSION, Long.toString(expiresAtMillis), Integer.toString(triesLeft), codeId, salt, mac);
    }

    CodeNote withTriesLeft(int tries) {
        return new CodeNote(expiresAtMillis, tries, codeId, salt, mac);
    }

    /** Empty for anything this version did not write; the caller treats that as "no code". */
    static Optional<CodeNote> parse(String note) {
        if (note == null) {
            return Optional.empty();
        }
        String[] fields = FIELD_SEPARATOR.split(note, -1);
        if (fields.length != 6 || !VERSION.equals(fields[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CodeNote(Long.parseLong(fields[1]), Integer.parseInt(fields[2]), fields[3], fields[4], fields[5]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // The HMAC is not the code, but a 6-digit code is quickly found from it: keep it out of logs.
    @Override
    public String toString() {
        return "CodeNote[expiresAtMillis=" + expiresAtMillis + ", triesLeft=" + triesLeft + ", codeId=" + codeId + "]";
    }
}
