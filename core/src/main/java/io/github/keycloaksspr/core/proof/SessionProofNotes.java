package io.github.keycloaksspr.core.proof;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.keycloaksspr.core.code.NoteStore;
import io.github.keycloaksspr.core.method.Factor;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A proof's notes (by default in the authentication session) under one prefix ({@code <prefix>Method}, {@code <prefix>Spent},
 * {@code <prefix>Factors}): server side, per browser tab, cluster-wide, gone with the sign-in.
 */
public final class SessionProofNotes implements ProofNotes {

    private final NoteStore notes;
    private final String methodNote;
    private final String spentNote;
    private final String factorsNote;

    public SessionProofNotes(AuthenticationSessionModel authSession, String prefix) {
        this(NoteStore.authNotesOf(authSession), prefix);
    }

    /** The same notes in another store (the help desk keeps them in the cluster's single-use store). */
    public SessionProofNotes(NoteStore notes, String prefix) {
        this.notes = notes;
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
        return notes.get(methodNote);
    }

    @Override
    public void selectMethod(String methodId) {
        notes.put(methodNote, methodId);
    }

    @Override
    public void leaveMethod() {
        notes.remove(methodNote);
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
        List.of(methodNote, spentNote, factorsNote).forEach(notes::remove);
    }

    private Set<String> read(String note) {
        String value = notes.get(note);
        return value == null || value.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }

    private void add(String note, String value) {
        Set<String> values = new LinkedHashSet<>(read(note));
        values.add(value);
        notes.put(note, String.join(",", values));
    }
}
