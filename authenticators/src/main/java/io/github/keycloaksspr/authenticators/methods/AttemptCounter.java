package io.github.keycloaksspr.authenticators.methods;

import io.github.keycloaksspr.core.method.MethodContext;

/**
 * Wrong answers for methods without a sent code (authenticator app, questions): after three the method is spent for
 * this reset, like a code. Counted in the authentication session; brute-force protection counts them too.
 */
public final class AttemptCounter {

    static final int MAX_WRONG = 3;

    private AttemptCounter() {
    }

    /** Records a wrong answer and tells whether the method is now spent. */
    public static boolean recordWrongAndCheckSpent(MethodContext context, String methodId) {
        String note = "sspr.wrong." + methodId;
        String value = context.authSession().getAuthNote(note);
        int wrong = (value == null ? 0 : Integer.parseInt(value)) + 1;
        context.authSession().setAuthNote(note, Integer.toString(wrong));
        return wrong >= MAX_WRONG;
    }

    public static boolean isSpent(MethodContext context, String methodId) {
        String value = context.authSession().getAuthNote("sspr.wrong." + methodId);
        return value != null && Integer.parseInt(value) >= MAX_WRONG;
    }
}
