package io.github.keycloaksspr.core.cluster;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Named slots that exactly one caller in the whole cluster can claim. This is the one primitive the
 * budgets and the code-attempt limit need: a claim is atomic, whereas a counter read from the
 * authentication session and written back races between two requests (or two nodes).
 */
public interface ClusterSlots {

    /**
     * Claims {@code key} for at least {@code lifespanSeconds}.
     *
     * @return {@code true} for the single caller that created the slot, {@code false} if it already existed
     */
    boolean claim(String key, long lifespanSeconds);

    /** Whether {@code key} is claimed now. */
    boolean isClaimed(String key);

    /** Frees {@code key}: the next claim of it succeeds. */
    void release(String key);

    /** Slots in Keycloak's {@link SingleUseObjectProvider}, whose {@code putIfAbsent} is atomic across the cluster. */
    static ClusterSlots of(KeycloakSession session) {
        SingleUseObjectProvider store = session.singleUseObjects();
        return new ClusterSlots() {
            @Override
            public boolean claim(String key, long lifespanSeconds) {
                return store.putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public boolean isClaimed(String key) {
                return store.contains(key);
            }

            @Override
            public void release(String key) {
                store.remove(key);
            }
        };
    }
}
