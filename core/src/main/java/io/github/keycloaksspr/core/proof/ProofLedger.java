package io.github.keycloaksspr.core.proof;

import java.util.Optional;

import io.github.keycloaksspr.core.attempts.AttemptLedger;

/** The attempt ledger as one proof sees it: the subjects its answers count against. */
public interface ProofLedger {

    /** Whether answers may not even be checked now. */
    boolean isBlocked();

    /** A slot for one answer; empty when blocked. */
    Optional<AttemptLedger.Attempt> reserve();

    /** The proof's own subject was blocked by the answer just counted (not only the requester's address). */
    default void subjectBlockedNow() {
    }
}
