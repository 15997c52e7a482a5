package io.github.keycloaksspr.core.attempts;

import java.util.Locale;

/**
 * Whose wrong answers count together: an account (by user id), or, for a name that cannot reset (unknown, disabled,
 * out of scope, unregistered), the name as typed, so that a block looks the same whether the account exists or not.
 *
 * @param kind  {@code account}, {@code name} or {@code owner}
 * @param value the user id, or the typed name trimmed and in lower case
 */
public record LedgerSubject(String kind, String value) {

    static final String ACCOUNT = "account";
    static final String NAME = "name";
    static final String OWNER = "owner";

    public LedgerSubject {
        if (!ACCOUNT.equals(kind) && !NAME.equals(kind) && !OWNER.equals(kind)) {
            throw new IllegalArgumentException("a ledger subject is an account, a typed name or a signed-in owner");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a ledger subject needs a value");
        }
    }

    public static LedgerSubject account(String userId) {
        return new LedgerSubject(ACCOUNT, userId);
    }

    /**
     * The owner of an account proving a method while signed in (the step-up before changing security info): a ledger
     * of its own, so that an anonymous campaign that blocks the account's reset cannot also lock its owner out of
     * managing their security info.
     */
    public static LedgerSubject signedInOwner(String userId) {
        return new LedgerSubject(OWNER, userId);
    }

    /** Keycloak's usernames and addresses are case-insensitive, so "Alice" and "alice " share one ledger. */
    public static LedgerSubject typedName(String name) {
        return new LedgerSubject(NAME, name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    public boolean isTypedName() {
        return NAME.equals(kind);
    }

    /** The form kept in the flow's notes; see {@link #parse}. */
    public String note() {
        return kind + ":" + value;
    }

    public static LedgerSubject parse(String note) {
        int colon = note == null ? -1 : note.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a ledger subject note");
        }
        return new LedgerSubject(note.substring(0, colon), note.substring(colon + 1));
    }
}
