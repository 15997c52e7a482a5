package io.github.keycloaksspr.core.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.keycloaksspr.core.cluster.ClusterSlots;

/** {@code putIfAbsent} and {@code contains} of Keycloak's single-use object store, without expiry. */
public final class InMemorySlots implements ClusterSlots {

    private final Map<String, Long> lifespans = new LinkedHashMap<>();

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        if (lifespanSeconds <= 0) {
            throw new IllegalArgumentException("lifespan must be positive, as SingleUseObjectProvider demands");
        }
        return lifespans.putIfAbsent(key, lifespanSeconds) == null;
    }

    @Override
    public boolean isClaimed(String key) {
        return lifespans.containsKey(key);
    }

    @Override
    public void release(String key) {
        lifespans.remove(key);
    }

    /** Claimed keys with their lifespans, in claim order. */
    public Map<String, Long> claimed() {
        return lifespans;
    }
}
