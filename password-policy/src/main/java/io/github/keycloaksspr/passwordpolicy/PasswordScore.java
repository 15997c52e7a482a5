package io.github.keycloaksspr.passwordpolicy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The score of a normalized password, as Entra ID scores it: every banned part counts one point, every other character
 * one point. Where banned parts overlap, the reading with the fewest points counts (the strictest one).
 *
 * @param points the score
 * @param banned the banned parts of that reading, in password order
 * @param found every banned part found, also those the reading did not use
 * @param password the normalized password they are parts of
 */
record PasswordScore(int points, List<Match> banned, List<Match> found, String password) {

    /**
     * A banned part: {@code password[start, end)}, found through {@code source}; {@code term} is the banned term as
     * typed where the source may quote it, else null.
     */
    record Match(int start, int end, BannedSource source, String term) {
    }

    static PasswordScore of(String password, List<Match> matches) {
        int n = password.length();
        int[] best = new int[n + 1];
        Match[] last = new Match[n + 1];
        List<List<Match>> endingAt = new ArrayList<>(n + 1);
        for (int i = 0; i <= n; i++) {
            endingAt.add(new ArrayList<>());
        }
        for (Match match : matches) {
            endingAt.get(match.end()).add(match);
        }
        for (int end = 1; end <= n; end++) {
            best[end] = best[end - 1] + 1;
            last[end] = null;
            for (Match match : endingAt.get(end)) {
                int points = best[match.start()] + 1;
                // A banned part beats single characters at equal points: the refusal can then name it.
                if (points < best[end] || (points == best[end] && last[end] == null)) {
                    best[end] = points;
                    last[end] = match;
                }
            }
        }
        List<Match> chosen = new ArrayList<>();
        for (int end = n; end > 0; ) {
            Match match = last[end];
            if (match == null) {
                end--;
            } else {
                chosen.add(0, match);
                end = match.start();
            }
        }
        return new PasswordScore(best[n], List.copyOf(chosen), List.copyOf(matches), password);
    }

    /**
     * The banned part the refusal names, of all found: the most personal source first ("your name" helps more than
     * "a common password" where both are true), then the longest part.
     */
    Optional<Match> mainReason() {
        return found.stream().min(Comparator.comparing(Match::source)
                .thenComparing(Comparator.comparingInt((Match m) -> m.end() - m.start()).reversed()));
    }

    /** The part itself, in normal form (for tests and benchmarks; refusals never quote the password). */
    String text(Match match) {
        return password.substring(match.start(), match.end());
    }
}
