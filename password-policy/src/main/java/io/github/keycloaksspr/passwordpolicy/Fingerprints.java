package io.github.keycloaksspr.passwordpolicy;

import java.util.Arrays;

/**
 * 64-bit fingerprints of strings in a sorted array: the common-password list and its one-edit neighbours in a few MB
 * instead of hundreds of thousands of String objects. A fingerprint is a polynomial hash (mod 2^64), so that a
 * password's parts, and its parts without one character, are fingerprinted in constant time from its prefixes
 * ({@link Prefixes}). A false match needs a 64-bit collision (the strings are at most a few dozen characters, far below
 * the lengths at which such hashes are known to collide); it would only refuse a password, never let one through.
 */
final class Fingerprints {

    private static final long BASE = 0x100000001b3L;
    private static final long POSITION_MIX = 0x9E3779B97F4A7C15L;

    private final long[] sorted;

    private Fingerprints(long[] sorted) {
        this.sorted = sorted;
    }

    static Fingerprints of(long[] fingerprints, int count) {
        long[] sorted = Arrays.copyOf(fingerprints, count);
        Arrays.sort(sorted);
        return new Fingerprints(sorted);
    }

    boolean contains(long fingerprint) {
        return Arrays.binarySearch(sorted, fingerprint) >= 0;
    }

    int size() {
        return sorted.length;
    }

    /** The fingerprint of {@code text[from, to)} without the character at {@code skip} (-1: none). */
    static long of(CharSequence text, int from, int to, int skip) {
        long hash = 0;
        for (int i = from; i < to; i++) {
            if (i != skip) {
                hash = hash * BASE + text.charAt(i) + 1;
            }
        }
        return hash;
    }

    /** The prefix hashes of one password: any part's fingerprint, with or without one character, in constant time. */
    static final class Prefixes {
        private final long[] prefix;
        private final long[] power;

        Prefixes(CharSequence text) {
            prefix = new long[text.length() + 1];
            power = new long[text.length() + 1];
            power[0] = 1;
            for (int i = 0; i < text.length(); i++) {
                prefix[i + 1] = prefix[i] * BASE + text.charAt(i) + 1;
                power[i + 1] = power[i] * BASE;
            }
        }

        /** As {@code Fingerprints.of(text, from, to, -1)}. */
        long of(int from, int to) {
            return prefix[to] - prefix[from] * power[to - from];
        }

        /** As {@code Fingerprints.of(text, from, to, skip)}. */
        long without(int from, int to, int skip) {
            return of(from, skip) * power[to - skip - 1] + of(skip + 1, to);
        }
    }

    /** A deletion's fingerprint bound to where the character was deleted: two such match only for a substitution. */
    static long atPosition(long fingerprint, int position) {
        return fingerprint ^ ((position + 1) * POSITION_MIX);
    }
}
