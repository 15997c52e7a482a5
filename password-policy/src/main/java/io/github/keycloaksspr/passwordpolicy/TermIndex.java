package io.github.keycloaksspr.passwordpolicy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds banned terms in a normalized password: every part of it that equals a term, or, made of letters only, is one
 * edit (a letter added, missing or replaced) away from a term of at least {@value #MIN_FUZZY_LENGTH} characters.
 * Shorter terms, and edits that swallow digits or symbols, would match parts of nearly every password (and every
 * separator of a passphrase).
 */
final class TermIndex {

    /** The shortest common password (in normal form) that counts: shorter ones are parts of nearly every password. */
    static final int MIN_COMMON_LENGTH = 4;
    static final int MIN_FUZZY_LENGTH = 6;

    private final Fingerprints terms;
    /** Each fuzzy term with one character deleted, wherever: a password part that lacks one character. */
    private final Fingerprints deletions;
    /** The same, bound to the position: a password part with one character replaced. */
    private final Fingerprints positionedDeletions;
    private final int longestTerm;
    private final int shortestTerm;
    /** For a small list whose refusals may quote the term: each fingerprint's term as typed. */
    private final Map<Long, String> typedTerms;

    private TermIndex(Fingerprints terms, Fingerprints deletions, Fingerprints positionedDeletions, int shortestTerm,
                      int longestTerm, Map<Long, String> typedTerms) {
        this.typedTerms = typedTerms;
        this.terms = terms;
        this.deletions = deletions;
        this.positionedDeletions = positionedDeletions;
        this.shortestTerm = shortestTerm;
        this.longestTerm = longestTerm;
    }

    /**
     * An index of terms already in {@link PasswordNormalizer#term normal form}; terms shorter than {@code minLength}
     * are left out.
     */
    static TermIndex of(Collection<String> normalizedTerms, int minLength) {
        return build(normalizedTerms, minLength, null);
    }

    /** An index that also remembers each term as typed ({@code normal form → typed}), for quoting it. */
    static TermIndex quoting(Map<String, String> typedByNormalForm, int minLength) {
        return build(typedByNormalForm.keySet(), minLength, typedByNormalForm);
    }

    private static TermIndex build(Collection<String> normalizedTerms, int minLength, Map<String, String> typed) {
        Map<Long, String> typedTerms = typed == null ? Map.of() : new HashMap<>();
        int deletionCount = normalizedTerms.stream().filter(t -> t.length() >= MIN_FUZZY_LENGTH)
                .mapToInt(String::length).sum();
        long[] exact = new long[normalizedTerms.size()];
        long[] deleted = new long[deletionCount];
        long[] positioned = new long[deletionCount];
        int termCount = 0;
        int deletionIndex = 0;
        int longest = 0;
        for (String term : normalizedTerms) {
            if (term.length() < minLength) {
                continue;
            }
            longest = Math.max(longest, term.length());
            exact[termCount] = Fingerprints.of(term, 0, term.length(), -1);
            remember(typedTerms, typed, exact[termCount++], term);
            if (term.length() >= MIN_FUZZY_LENGTH) {
                for (int k = 0; k < term.length(); k++) {
                    long fingerprint = Fingerprints.of(term, 0, term.length(), k);
                    deleted[deletionIndex] = fingerprint;
                    positioned[deletionIndex] = Fingerprints.atPosition(fingerprint, k);
                    remember(typedTerms, typed, deleted[deletionIndex], term);
                    remember(typedTerms, typed, positioned[deletionIndex++], term);
                }
            }
        }
        return new TermIndex(Fingerprints.of(exact, termCount), Fingerprints.of(deleted, deletionIndex),
                Fingerprints.of(positioned, deletionIndex), minLength, longest, Map.copyOf(typedTerms));
    }

    private static void remember(Map<Long, String> typedTerms, Map<String, String> typed, long fingerprint,
                                 String term) {
        if (typed != null) {
            typedTerms.putIfAbsent(fingerprint, typed.get(term));
        }
    }

    int size() {
        return terms.size();
    }

    /** The longest term: no part of a password longer than this plus one can match. */
    int longestTerm() {
        return longestTerm;
    }

    /** Adds every part of {@code password} that matches a term, as {@code source}. */
    void findIn(String password, BannedSource source, List<PasswordScore.Match> found) {
        if (terms.size() == 0) {
            return;
        }
        Fingerprints.Prefixes prefixes = new Fingerprints.Prefixes(password);
        int longestPart = Math.min(password.length(), longestTerm + 1);
        for (int start = 0; start < password.length(); start++) {
            for (int length = shortestTerm; length <= longestPart && start + length <= password.length(); length++) {
                Long matched = match(password, prefixes, start, start + length);
                if (matched != null) {
                    found.add(new PasswordScore.Match(start, start + length, source, typedTerms.get(matched)));
                }
            }
        }
    }

    /** The fingerprint through which {@code password[from, to)} matches a term, or null. */
    private Long match(String password, Fingerprints.Prefixes prefixes, int from, int to) {
        int length = to - from;
        long whole = prefixes.of(from, to);
        if (terms.contains(whole)) {
            return whole;
        }
        if (!lettersOnly(password, from, to)) {
            return null;
        }
        // A term one character longer, with that character missing here.
        if (length + 1 >= MIN_FUZZY_LENGTH && deletions.contains(whole)) {
            return whole;
        }
        for (int skip = from; skip < to; skip++) {
            long withoutOne = prefixes.without(from, to, skip);
            // A term one character shorter: this part has one character more.
            if (length - 1 >= MIN_FUZZY_LENGTH && terms.contains(withoutOne)) {
                return withoutOne;
            }
            // A term of the same length with one character replaced.
            long replaced = Fingerprints.atPosition(withoutOne, skip - from);
            if (length >= MIN_FUZZY_LENGTH && positionedDeletions.contains(replaced)) {
                return replaced;
            }
        }
        return null;
    }

    private static boolean lettersOnly(String password, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(password.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
