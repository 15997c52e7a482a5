package io.github.keycloaksspr.core.phone;

import java.util.stream.Collectors;

/**
 * TwiML for voice calls, written as plain strings: the SDK's TwiML builders need
 * jackson-dataformat-xml, which is deliberately not bundled.
 */
public final class VoiceTwiml {

    private VoiceTwiml() {
    }

    /**
     * Reads {@code code} one character at a time ("1, 2, 3.") so text-to-speech does not say
     * "one hundred twenty-three", pauses, and reads it again for the user to check what they wrote.
     *
     * @param code     the characters to speak; whitespace is dropped
     * @param language a Twilio {@code <Say>} language such as {@code en-US} or {@code de-DE}
     */
    public static String speakDigitsTwice(String code, String language) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        String say = "<Say language=\"" + escapeXml(language.strip()) + "\">" + spokenOneByOne(code) + "</Say>";
        return "<Response>" + say + "<Pause length=\"1\"/>" + say + "</Response>";
    }

    private static String spokenOneByOne(String code) {
        return code.codePoints()
                .filter(c -> !Character.isWhitespace(c))
                .mapToObj(c -> escapeXml(new String(Character.toChars(c))))
                .collect(Collectors.joining(", ", "", "."));
    }

    static String escapeXml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
