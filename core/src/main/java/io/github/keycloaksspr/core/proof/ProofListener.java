package io.github.keycloaksspr.core.proof;

import io.github.keycloaksspr.core.method.SsprMethod;

/** What a proof reports as it goes: the events of the reset or of the security-info page. */
public interface ProofListener {

    /** {@code method} proved its factor; {@code provenCount} distinct factors are proven now. */
    void proven(SsprMethod method, int provenCount);

    /**
     * An answer or a challenge failed.
     *
     * @param methodId the method, or null when the failure is not one method's
     * @param reason   the machine-readable reason ({@code sspr_reason})
     */
    void failed(String methodId, String reason);

    /** A post named a method that the list did not offer: forged or stale. */
    void notOffered(String methodId);

    /** The ledger blocks the proof, now or from an earlier answer. */
    void blocked();
}
