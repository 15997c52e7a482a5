package io.github.keycloaksspr.passwordpolicy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The global list: the 30 000 most common passwords of zxcvbn's frequency list (from leaked password sets; MIT
 * licence, taken from {@code com.nulab-inc:zxcvbn} at build time), in normal form, of {@value TermIndex#MIN_COMMON_LENGTH}
 * or more characters. Loaded once per server by the policy's factory.
 */
final class CommonPasswords {

    static final String RESOURCE = "passwords.txt";

    private CommonPasswords() {
    }

    static TermIndex load() {
        try (InputStream list = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (list == null) {
                throw new IllegalStateException("the common-password list " + RESOURCE + " is missing from the JAR");
            }
            List<String> terms = new ArrayList<>(30_000);
            BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String term = PasswordNormalizer.term(line.strip());
                if (term.length() >= TermIndex.MIN_COMMON_LENGTH) {
                    terms.add(term);
                }
            }
            return TermIndex.of(terms, TermIndex.MIN_COMMON_LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-password list", e);
        }
    }
}
