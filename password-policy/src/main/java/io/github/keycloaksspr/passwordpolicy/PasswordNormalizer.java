package io.github.keycloaksspr.passwordpolicy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Brings passwords and banned terms to one form before they are compared, so that {@code P@ssw0rd} is
 * {@code password}: Unicode compatibility form, lower case, the usual character substitutions
 * ({@code 0→o 3→e 4→a 5→s 7→t $→s @→a !→i}; {@code 1} stands for {@code l} or {@code i}, so a password has two
 * forms when it contains a 1) and runs of three or more of one character as two ({@code passsword} and
 * {@code !!!!!!} are {@code password} and {@code ii}; a doubled letter as in {@code anna} stays). White space stays:
 * between the words of a passphrase it counts, as any other character.
 */
final class PasswordNormalizer {

    private PasswordNormalizer() {
    }

    /** The forms a password is checked in: one, or two when it contains a {@code 1}. */
    static List<String> forms(String password) {
        String base = prepare(password);
        if (base.indexOf('1') < 0) {
            return List.of(substitute(base, 'l'));
        }
        return List.of(substitute(base, 'l'), substitute(base, 'i'));
    }

    /** The one form a banned term is stored in (its 1s as l; a password's 1 is tried both ways). */
    static String term(String term) {
        return substitute(prepare(term), 'l');
    }

    private static String prepare(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String substitute(String text, char one) {
        StringBuilder normal = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = switch (text.charAt(i)) {
                case '0' -> 'o';
                case '1' -> one;
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                case '!' -> 'i';
                default -> text.charAt(i);
            };
            int length = normal.length();
            if (length < 2 || normal.charAt(length - 1) != c || normal.charAt(length - 2) != c) {
                normal.append(c);
            }
        }
        return normal.toString();
    }
}
