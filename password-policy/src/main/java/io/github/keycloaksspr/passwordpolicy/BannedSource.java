package io.github.keycloaksspr.passwordpolicy;

/** Where a banned part of a password comes from; the order is the order in which refusals name them. */
enum BannedSource {
    PERSONAL,
    ORGANISATION,
    CUSTOM,
    COMMON
}
