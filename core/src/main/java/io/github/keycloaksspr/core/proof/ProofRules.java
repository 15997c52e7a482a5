package io.github.keycloaksspr.core.proof;

import java.util.List;

import io.github.keycloaksspr.core.method.SsprMethod;

/**
 * What one proof asks.
 *
 * @param candidates            the methods that may prove, before spent methods and proven factors are taken away
 * @param required              how many distinct factors make the proof
 * @param shownBeforeFirstProof the total the pages show until a first method is proven (a stranger must not learn
 *                              from it that an account is an administrator's)
 * @param standIn               whether the account is a stand-in for a name that cannot reset: nothing ever proves it
 */
public record ProofRules(List<SsprMethod> candidates, int required, int shownBeforeFirstProof, boolean standIn) {

    public ProofRules {
        candidates = List.copyOf(candidates);
    }

    /** A proof whose pages show the real total from the start. */
    public static ProofRules of(List<SsprMethod> candidates, int required) {
        return new ProofRules(candidates, required, required, false);
    }
}
