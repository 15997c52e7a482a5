package io.github.keycloaksspr.core.testing;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.keycloaksspr.core.cluster.ClusterSlots;

/**
 * {@code putIfAbsent}, {@code contains} and {@code remove} of Keycloak's single-use object store. Without a clock
 * nothing expires; with one, a slot is gone once its lifespan has passed, as in the store.
 */
public final class InMemorySlots implements ClusterSlots {

    private final Map<String, Long> lifespans = new LinkedHashMap<>();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Clock clock;

    public InMemorySlots() {
        this(null);
    }

    public InMemorySlots(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean claim(String key, long lifespanSeconds) {
        if (lifespanSeconds <= 0) {
            throw new IllegalArgumentException("lifespan must be positive, as SingleUseObjectProvider demands");
        }
        forgetIfExpired(key);
        boolean claimed = lifespans.putIfAbsent(key, lifespanSeconds) == null;
        if (claimed && clock != null) {
            expiries.put(key, clock.millis() + lifespanSeconds * 1000);
        }
        return claimed;
    }

    @Override
    public boolean isClaimed(String key) {
        forgetIfExpired(key);
        return lifespans.containsKey(key);
    }

    @Override
    public void release(String key) {
        lifespans.remove(key);
        expiries.remove(key);
    }

    /** Claimed keys with their lifespans, in claim order. */
    public Map<String, Long> claimed() {
        return lifespans;
    }

    private void forgetIfExpired(String key) {
        Long expiry = expiries.get(key);
        if (expiry != null && clock.millis() >= expiry) {
            release(key);
        }
    }
}
