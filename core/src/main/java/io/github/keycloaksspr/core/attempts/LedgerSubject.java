package io.github.keycloaksspr.core.attempts;

import java.util.Locale;

/**
 * Whose wrong answers count together: an account (by user id), or, for a name that cannot reset (unknown, disabled,
 * out of scope, unregistered), the name as typed, so that a block looks the same whether the account exists or not.
 *
 * @param kind  {@code account} or {@code name}
 * @param value the user id, or the typed name trimmed and in lower case
 */
public record LedgerSubject(String kind, String value) {

    static final String ACCOUNT = "account";
    static final String NAME = "name";

    public LedgerSubject {
        if (!ACCOUNT.equals(kind) && !NAME.equals(kind)) {
            throw new IllegalArgumentException("a ledger subject is an account or a typed name");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a ledger subject needs a value");
        }
    }

    public static LedgerSubject account(String userId) {
        return new LedgerSubject(ACCOUNT, userId);
    }

    /** Keycloak's usernames and addresses are case-insensitive, so "Alice" and "alice " share one ledger. */
    public static LedgerSubject typedName(String name) {
        return new LedgerSubject(NAME, name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
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
