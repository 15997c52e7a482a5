package io.github.keycloaksspr.core.phone;

import java.util.stream.Collectors;

/**
 * What a call says, independent of any carrier's markup: the text, its language and how often it is read.
 *
 * @param text        what text-to-speech reads
 * @param language    a BCP 47 tag such as {@code en-US} or {@code de-DE}
 * @param repetitions how often the text is read, with a short pause between
 */
public record SpokenMessage(String text, String language, int repetitions) {

    public SpokenMessage {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("language must not be blank");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("a message is read at least once");
        }
        language = language.strip();
    }

    /**
     * A code read one character at a time ("1, 2, 3.") so that text-to-speech does not say "one hundred twenty-three",
     * and read twice so that the user can check what they wrote.
     *
     * @param code the characters to speak; whitespace is dropped
     */
    public static SpokenMessage codeReadTwice(String code, String language) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code must not be blank");
        }
        String oneByOne = code.codePoints()
                .filter(c -> !Character.isWhitespace(c))
                .mapToObj(c -> new String(Character.toChars(c)))
                .collect(Collectors.joining(", ", "", "."));
        return new SpokenMessage(oneByOne, language, 2);
    }
}
