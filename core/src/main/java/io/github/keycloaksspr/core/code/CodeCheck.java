package io.github.keycloaksspr.core.code;

/** The outcome of checking a one-time code. Only {@link #VALID} proves anything. */
public enum CodeCheck {
    /** The code matched; it is used up. */
    VALID,
    /** The code did not match (or was not a number); tries are left. */
    WRONG,
    /** The last allowed try was wrong: the code is dead, even if the right one follows. */
    EXHAUSTED,
    /** The code's lifetime is over. */
    EXPIRED,
    /** No code was issued for this purpose in this authentication session, or it was used. */
    NONE
}
