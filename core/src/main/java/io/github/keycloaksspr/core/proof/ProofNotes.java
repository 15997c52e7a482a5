package io.github.keycloaksspr.core.proof;

import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;

/** Where one proof stands, kept server side in the authentication session: the method being answered, the spent ones, the proven factors. */
public interface ProofNotes {

    /** The method picked and not yet left; null on the method list. */
    String currentMethod();

    void selectMethod(String methodId);

    void leaveMethod();

    /** Methods that are over for this proof (a code guessed too often, a passkey refused). */
    Set<String> spentMethods();

    /** The method is over for this proof; it is left too. */
    void markSpent(String methodId);

    /** Ids of the distinct factors proven so far. */
    Set<String> provenFactors();

    /** The method proved its factor; it is left too. */
    void recordProven(String methodId, Factor factor);
}
