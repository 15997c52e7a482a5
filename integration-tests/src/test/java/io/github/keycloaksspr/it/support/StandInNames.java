package io.github.keycloaksspr.it.support;

/**
 * Finds a name nobody has whose made-up account offers a given method, as an observer would: by typing names and
 * reading the method list. Which methods a name's stand-in has depends on the realm's keys, so tests that need a
 * decoy to walk one method's pages look for such a name instead of assuming one.
 */
public final class StandInNames {

    private static final int TRIES = 40;

    private StandInNames() {
    }

    @FunctionalInterface
    public interface Journeys {
        ResetJourney start() throws Exception;
    }

    /** A name starting with {@code prefix} whose method list offers {@code methodId}. */
    public static String offering(Journeys journeys, String prefix, String methodId) throws Exception {
        for (int i = 1; i <= TRIES; i++) {
            String name = prefix + "-" + i;
            if (journeys.start().chooseAccount(name).html().contains("id=\"sspr-method-" + methodId + "\"")) {
                return name;
            }
        }
        throw new AssertionError("no stand-in of " + TRIES + " names offers " + methodId);
    }
}
