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
 * @param startsLoneMethod      whether, after a proof, the one method left starts at once (its code goes out) rather
 *                              than being listed for a choice
 */
public record ProofRules(List<SsprMethod> candidates, int required, int shownBeforeFirstProof, boolean standIn,
                         boolean startsLoneMethod) {

    public ProofRules {
        candidates = List.copyOf(candidates);
    }

    public ProofRules(List<SsprMethod> candidates, int required, int shownBeforeFirstProof, boolean standIn) {
        this(candidates, required, shownBeforeFirstProof, standIn, true);
    }

    /**
     * The same proof where only a choice starts a challenge: every code sent is one somebody asked for, so that whoever
     * counts the choices (the help desk's ceilings) counts every send.
     */
    public ProofRules chosenOnly() {
        return new ProofRules(candidates, required, shownBeforeFirstProof, standIn, false);
    }

    /** A proof whose pages show the real total from the start. */
    public static ProofRules of(List<SsprMethod> candidates, int required) {
        return new ProofRules(candidates, required, required, false);
    }
}
