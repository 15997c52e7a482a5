package io.github.keycloaksspr.core.state;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the pack knows of a user, read-only: see {@link UserStateEntity} for each field. {@code vettedUntil} empty
 * means the pack never saw the user sign in.
 */
public record UserState(Optional<Long> vettedUntil, Set<String> vettedCredentialIds, Optional<Long> confirmedAt,
                        Optional<Long> promptedAt, Optional<Long> registeredAt, List<KnownContact> knownContacts) {

    static final UserState NEVER_SEEN = new UserState(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    public UserState {
        vettedCredentialIds = Set.copyOf(vettedCredentialIds);
        knownContacts = List.copyOf(knownContacts);
    }

    /** Whether the user ever had security info: registering again is no first registration. */
    public boolean everRegistered() {
        return registeredAt.isPresent();
    }

    /** The account's own address the last time the pack saw the account with security info, if it saw one. */
    public Optional<String> accountAddressWhenRegistered() {
        return knownContacts.stream().filter(c -> c.kind() == KnownContact.Kind.ACCOUNT).map(KnownContact::value)
                .reduce((first, second) -> second);
    }

    static UserState of(UserStateEntity row, Set<String> vettedCredentialIds) {
        return new UserState(Optional.ofNullable(row.getVettedUntil()), vettedCredentialIds,
                Optional.ofNullable(row.getConfirmedAt()), Optional.ofNullable(row.getPromptedAt()),
                Optional.ofNullable(row.getRegisteredAt()), KnownContact.parse(row.getKnownContacts()));
    }
}
