package io.github.keycloaksspr.core.flow;

import java.util.Objects;

import io.github.keycloaksspr.core.cluster.ClusterSlots;
import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Wrong answers to one method without a sent code (authenticator app, questions, passkey) in one reset run: the third
 * spends the method for this run, as it kills a sent code. Counted in atomic cluster-wide slots, so concurrent posts
 * of one browser tab each take their own try. The account's {@code AttemptLedger} bounds guessing across runs.
 */
public final class MethodTries {

    public static final int MAX_WRONG = 3;
    /** Longer than any authentication session lives. */
    private static final long LIFESPAN_SECONDS = 24 * 3600L;

    private final ClusterSlots slots;
    private final String prefix;

    MethodTries(ClusterSlots slots, String runKey) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.prefix = "sspr:tries:" + runKey + ":";
    }

    /** The tries of this tab's current reset run: naming an account again starts a new run with fresh tries. */
    public static MethodTries of(MethodContext context) {
        AuthenticationSessionModel authSession = context.authSession();
        String runKey = authSession.getParentSession().getId() + ":" + authSession.getTabId() + ":"
                + new ResetFlowState(authSession).runId();
        return new MethodTries(ClusterSlots.of(context.session()), runKey);
    }

    /** Records a wrong answer; true when the method is now spent. */
    public boolean recordWrongAndCheckSpent(String methodId) {
        for (int n = 0; n < MAX_WRONG; n++) {
            if (slots.claim(prefix + methodId + ":" + n, LIFESPAN_SECONDS)) {
                return n == MAX_WRONG - 1;
            }
        }
        return true;
    }

    public boolean isSpent(String methodId) {
        return slots.isClaimed(prefix + methodId + ":" + (MAX_WRONG - 1));
    }
}
