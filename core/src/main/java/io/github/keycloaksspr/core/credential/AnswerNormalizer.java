package io.github.keycloaksspr.core.credential;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a typed security answer into the form that is hashed and compared, so that "Rex", " rex "
 * and "REX" are one answer. People remember the words, not their capitalisation, spacing or the
 * keyboard's choice of Unicode forms.
 */
public final class AnswerNormalizer {

    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private AnswerNormalizer() {
    }

    /**
     * Unicode NFKC (full-width letters, ligatures and no-break spaces become their plain forms),
     * case folding, trimming and collapsing inner whitespace to one space. Returns {@code ""} for
     * {@code null}.
     */
    public static String normalize(String rawAnswer) {
        if (rawAnswer == null) {
            return "";
        }
        String compatible = Normalizer.normalize(rawAnswer, Normalizer.Form.NFKC);
        // Upper then lower case with the root locale approximates Unicode full case folding, which the JDK
        // lacks: "Straße" and "STRASSE" meet at "strasse", final and medial sigma at "σ". The root locale
        // keeps it independent of the server's default locale (no Turkish dotless i surprises).
        String folded = compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return WHITESPACE_RUN.matcher(folded.strip()).replaceAll(" ");
    }
}
