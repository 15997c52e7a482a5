package io.github.keycloaksspr.authenticators.captcha;

import org.keycloak.models.KeycloakSession;

/**
 * Remembers accepted CAPTCHA solutions, because ALTCHA itself would accept the same solution again.
 * The production implementation must be atomic across the cluster: two nodes receiving the same solution at
 * the same moment must not both see a first use.
 */
@FunctionalInterface
public interface UsedSolutions {

    /**
     * Records {@code solutionId} for at least {@code lifespanSeconds}.
     *
     * @return {@code true} for the first use, {@code false} if the solution was recorded before
     */
    boolean markUsed(String solutionId, long lifespanSeconds);

    /** Backed by Keycloak's single-use object store, whose {@code putIfAbsent} is atomic across the cluster. */
    static UsedSolutions of(KeycloakSession session) {
        return new SingleUseObjectUsedSolutions(session.singleUseObjects());
    }
}
