package io.github.keycloaksspr.core.phone;

import java.net.URI;
import java.util.Collections;

import io.github.keycloaksspr.core.phone.SpokenMessage;

/**
 * A {@link SpokenMessage} as Twilio's TwiML, written as a plain string: the SDK's TwiML builders need
 * jackson-dataformat-xml, which is deliberately not bundled.
 */
public final class VoiceTwiml {

    private static final String PAUSE = "<Pause length=\"1\"/>";

    private VoiceTwiml() {
    }

    public static String of(SpokenMessage message) {
        return "<Response>" + says(message) + "</Response>";
    }

    /**
     * Says {@code prompt} and waits for one key; a key makes Twilio post to {@code callback}, whose answer is what the
     * call says next. Without a key the call ends: an answering machine hears the prompt and nothing else.
     */
    public static String askingForKey(SpokenMessage prompt, URI callback) {
        return "<Response><Gather numDigits=\"1\" timeout=\"10\" method=\"POST\" action=\""
                + escapeXml(callback.toString()) + "\">" + says(prompt) + "</Gather></Response>";
    }

    private static String says(SpokenMessage message) {
        String say = "<Say language=\"" + escapeXml(message.language()) + "\">" + escapeXml(message.text()) + "</Say>";
        return String.join(PAUSE, Collections.nCopies(message.repetitions(), say));
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
