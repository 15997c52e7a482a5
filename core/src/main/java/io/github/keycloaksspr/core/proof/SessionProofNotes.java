package io.github.keycloaksspr.core.proof;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A proof's notes in the authentication session under one prefix ({@code <prefix>Method}, {@code <prefix>Spent},
 * {@code <prefix>Factors}): server side, per browser tab, cluster-wide, gone with the sign-in.
 */
public final class SessionProofNotes implements ProofNotes {

    private final AuthenticationSessionModel authSession;
    private final String methodNote;
    private final String spentNote;
    private final String factorsNote;

    public SessionProofNotes(AuthenticationSessionModel authSession, String prefix) {
        this.authSession = authSession;
        this.methodNote = prefix + "Method";
        this.spentNote = prefix + "Spent";
        this.factorsNote = prefix + "Factors";
    }

    /** The note that names the method being answered. */
    public String methodNote() {
        return methodNote;
    }

    @Override
    public String currentMethod() {
        return authSession.getAuthNote(methodNote);
    }

    @Override
    public void selectMethod(String methodId) {
        authSession.setAuthNote(methodNote, methodId);
    }

    @Override
    public void leaveMethod() {
        authSession.removeAuthNote(methodNote);
    }

    @Override
    public Set<String> spentMethods() {
        return read(spentNote);
    }

    @Override
    public void markSpent(String methodId) {
        add(spentNote, methodId);
        leaveMethod();
    }

    @Override
    public Set<String> provenFactors() {
        return read(factorsNote);
    }

    @Override
    public void recordProven(String methodId, Factor factor) {
        addFactor(factor.id());
        leaveMethod();
    }

    /** A factor proven outside the method list (a contact verified by its code in this sign-in). */
    public void addFactor(String factorId) {
        add(factorsNote, factorId);
    }

    /** Starts afresh: nothing picked, spent or proven. */
    public void clear() {
        List.of(methodNote, spentNote, factorsNote).forEach(authSession::removeAuthNote);
    }

    private Set<String> read(String note) {
        String value = authSession.getAuthNote(note);
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private void add(String note, String value) {
        Set<String> values = new LinkedHashSet<>(read(note));
        values.add(value);
        authSession.setAuthNote(note, String.join(",", values));
    }
}
