package io.github.keycloaksspr.core.flow;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.attempts.LedgerSubject;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.proof.ProofNotes;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The reset flow's progress, kept in authentication-session notes (server side, per browser tab, cluster-wide). Every
 * proof is bound to the user it was made for: a proof recorded for one account never counts for another
 * (CVE-2026-18963 came from a note not scoped to its step and user).
 */
public final class ResetFlowState {

    static final String SUBJECT = "sspr.subject";
    static final String DECOY_REASON = "sspr.decoy";
    static final String VERIFIED_FACTORS = "sspr.verified.factors";
    static final String VERIFIED_METHODS = "sspr.verified.methods";
    static final String SPENT_METHODS = "sspr.spent.methods";
    static final String CURRENT_METHOD = "sspr.current.method";
    static final String RUN = "sspr.run";
    static final String LEDGER_SUBJECT = "sspr.ledger.subject";

    private final AuthenticationSessionModel authSession;

    public ResetFlowState(AuthenticationSessionModel authSession) {
        this.authSession = authSession;
    }

    /** Starts afresh for a real account: any earlier proof in this tab is forgotten. */
    public void startFor(String userId) {
        start(LedgerSubject.account(userId));
        authSession.setAuthNote(SUBJECT, userId);
    }

    /** Starts a decoy run: same pages, nothing sent, one generic message at the end. */
    public void startDecoy(String reason, String typedName) {
        start(LedgerSubject.typedName(typedName));
        authSession.setAuthNote(DECOY_REASON, reason);
    }

    private void start(LedgerSubject ledgerSubject) {
        clear();
        authSession.setAuthNote(RUN, SecretGenerator.getInstance().randomString(16));
        authSession.setAuthNote(LEDGER_SUBJECT, ledgerSubject.note());
    }

    /** Names this run (a start for an account or a decoy); a new start is a new run. */
    public String runId() {
        String run = authSession.getAuthNote(RUN);
        return run == null ? "none" : run;
    }

    /** Whose wrong answers this run counts: the account, or the name typed for a decoy. */
    public Optional<LedgerSubject> ledgerSubject() {
        return Optional.ofNullable(authSession.getAuthNote(LEDGER_SUBJECT)).map(LedgerSubject::parse);
    }

    public boolean isDecoy() {
        return authSession.getAuthNote(DECOY_REASON) != null;
    }

    public String decoyReason() {
        return authSession.getAuthNote(DECOY_REASON);
    }

    /** The id of the account this run is for; empty for a decoy run. */
    public Optional<String> subject() {
        return Optional.ofNullable(authSession.getAuthNote(SUBJECT));
    }

    /** Whether the notes were written for this user; anything else means no proof counts. */
    public boolean isFor(String userId) {
        return userId != null && userId.equals(authSession.getAuthNote(SUBJECT));
    }

    public void recordVerified(String userId, String methodId, Factor factor) {
        if (!isFor(userId)) {
            throw new IllegalStateException("proof for another account");
        }
        add(VERIFIED_METHODS, methodId);
        add(VERIFIED_FACTORS, factor.id());
        authSession.removeAuthNote(CURRENT_METHOD);
    }

    /** Ids of the distinct factors proven for this user; empty for anyone else. */
    public Set<String> verifiedFactors(String userId) {
        return isFor(userId) ? read(VERIFIED_FACTORS) : Set.of();
    }

    public Set<String> verifiedMethods(String userId) {
        return isFor(userId) ? read(VERIFIED_METHODS) : Set.of();
    }

    /** The proof of identity for this user, kept in these notes; for anyone else nothing is proven. */
    public ProofNotes proofFor(String userId) {
        return new ProofNotes() {
            @Override
            public String currentMethod() {
                return ResetFlowState.this.currentMethod();
            }

            @Override
            public void selectMethod(String methodId) {
                ResetFlowState.this.selectMethod(methodId);
            }

            @Override
            public void leaveMethod() {
                ResetFlowState.this.leaveMethod();
            }

            @Override
            public Set<String> spentMethods() {
                return ResetFlowState.this.spentMethods();
            }

            @Override
            public void markSpent(String methodId) {
                ResetFlowState.this.markSpent(methodId);
            }

            @Override
            public Set<String> provenFactors() {
                return verifiedFactors(userId);
            }

            @Override
            public void recordProven(String methodId, Factor factor) {
                recordVerified(userId, methodId, factor);
            }
        };
    }

    public void markSpent(String methodId) {
        add(SPENT_METHODS, methodId);
        authSession.removeAuthNote(CURRENT_METHOD);
    }

    public Set<String> spentMethods() {
        return read(SPENT_METHODS);
    }

    public void selectMethod(String methodId) {
        authSession.setAuthNote(CURRENT_METHOD, methodId);
    }

    public String currentMethod() {
        return authSession.getAuthNote(CURRENT_METHOD);
    }

    public void leaveMethod() {
        authSession.removeAuthNote(CURRENT_METHOD);
    }

    private void clear() {
        List.of(SUBJECT, DECOY_REASON, RUN, LEDGER_SUBJECT, VERIFIED_FACTORS, VERIFIED_METHODS, SPENT_METHODS, CURRENT_METHOD)
                .forEach(authSession::removeAuthNote);
    }

    private Set<String> read(String note) {
        String value = authSession.getAuthNote(note);
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private void add(String note, String value) {
        Set<String> values = new LinkedHashSet<>(read(note));
        values.add(value);
        authSession.setAuthNote(note, String.join(",", values));
    }
}
