package io.github.keycloaksspr.passwordpolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a password must not contain because it names its owner or their organisation: the user name, first and last
 * name and the name part of the email address, and the realm's display name and name — each whole and word by word,
 * in normal form, as far as it has {@value #MIN_LENGTH} or more characters in normal form (shorter ones are parts of
 * too many passwords).
 *
 * @param personal the user's terms
 * @param organisation the realm's terms
 */
record PersonalTerms(List<String> personal, List<String> organisation) {

    static final int MIN_LENGTH = 4;
    /** Longer values (a long display name) count word by word only. */
    static final int MAX_LENGTH = 64;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[\\s._+\\-@,;:/\\\\()'\"]+");

    static Builder builder() {
        return new Builder();
    }

    /** The longest term, in normal form. */
    int longest() {
        return java.util.stream.Stream.concat(personal.stream(), organisation.stream()).mapToInt(String::length).max()
                .orElse(0);
    }

    /** Adds every occurrence of every term in {@code password}. */
    void findIn(String password, List<PasswordScore.Match> found) {
        findIn(personal, BannedSource.PERSONAL, password, found);
        findIn(organisation, BannedSource.ORGANISATION, password, found);
    }

    private static void findIn(List<String> terms, BannedSource source, String password, List<PasswordScore.Match> found) {
        for (String term : terms) {
            for (int at = password.indexOf(term); at >= 0; at = password.indexOf(term, at + 1)) {
                found.add(new PasswordScore.Match(at, at + term.length(), source, null));
            }
        }
    }

    static final class Builder {
        private final Set<String> personal = new LinkedHashSet<>();
        private final Set<String> organisation = new LinkedHashSet<>();

        Builder person(String value) {
            add(personal, value);
            return this;
        }

        Builder email(String email) {
            if (email != null) {
                int at = email.indexOf('@');
                add(personal, at > 0 ? email.substring(0, at) : email);
            }
            return this;
        }

        Builder organisation(String value) {
            add(organisation, value);
            return this;
        }

        PersonalTerms build() {
            return new PersonalTerms(List.copyOf(personal), List.copyOf(organisation));
        }

        private static void add(Set<String> terms, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            List<String> candidates = new ArrayList<>(List.of(value));
            candidates.addAll(List.of(WORD_SEPARATORS.split(value)));
            for (String candidate : candidates) {
                String normal = PasswordNormalizer.term(candidate.strip());
                if (normal.length() >= MIN_LENGTH && normal.length() <= MAX_LENGTH) {
                    terms.add(normal);
                }
            }
        }
    }
}
