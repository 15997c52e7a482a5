package io.github.keycloaksspr.authenticators.captcha;

import java.util.Objects;

import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@link UsedSolutions} in Keycloak's {@link SingleUseObjectProvider}. The key is namespaced because the store is
 * shared with Keycloak's own single-use tokens and with our other modules.
 */
final class SingleUseObjectUsedSolutions implements UsedSolutions {

    static final String KEY_PREFIX = "sspr:altcha:";

    private final SingleUseObjectProvider store;

    SingleUseObjectUsedSolutions(SingleUseObjectProvider store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean markUsed(String solutionId, long lifespanSeconds) {
        return store.putIfAbsent(KEY_PREFIX + solutionId, lifespanSeconds);
    }
}
