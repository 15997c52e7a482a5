package io.github.keycloaksspr.authenticators.captcha;

import java.util.HashMap;
import java.util.Map;

/** Test double for {@link UsedSolutions}; remembers the lifespan each solution was recorded with. */
final class InMemoryUsedSolutions implements UsedSolutions {

    private final Map<String, Long> lifespans = new HashMap<>();

    @Override
    public boolean markUsed(String solutionId, long lifespanSeconds) {
        return lifespans.putIfAbsent(solutionId, lifespanSeconds) == null;
    }

    Map<String, Long> lifespans() {
        return Map.copyOf(lifespans);
    }
}
