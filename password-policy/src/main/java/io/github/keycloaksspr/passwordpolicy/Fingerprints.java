package io.github.keycloaksspr.passwordpolicy;

import java.util.Arrays;

/**
 * 64-bit fingerprints of strings in a sorted array: the common-password list and its one-edit neighbours in a few MB
 * instead of hundreds of thousands of String objects. A false match needs a 64-bit collision (about 1 in 10^13 per
 * check of a password); it would only refuse a password, never let one through.
 */
final class Fingerprints {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
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

    /** FNV-1a over {@code text[from, to)} without the character at {@code skip} (-1: none). */
    static long of(CharSequence text, int from, int to, int skip) {
        long hash = FNV_OFFSET;
        for (int i = from; i < to; i++) {
            if (i != skip) {
                char c = text.charAt(i);
                hash = (hash ^ (c & 0xff)) * FNV_PRIME;
                hash = (hash ^ (c >>> 8)) * FNV_PRIME;
            }
        }
        return hash;
    }

    /** A deletion's fingerprint bound to where the character was deleted: two such match only for a substitution. */
    static long atPosition(long fingerprint, int position) {
        return fingerprint ^ ((position + 1) * POSITION_MIX);
    }
}
