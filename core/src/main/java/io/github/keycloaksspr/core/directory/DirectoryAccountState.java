package io.github.keycloaksspr.core.directory;

/**
 * A user's account as their directory (Active Directory) sees it, which Keycloak does not track.
 *
 * @param locked   locked out after bad passwords ({@code lockoutTime} set; AD's computed lockout bit)
 * @param disabled disabled by an administrator ({@code userAccountControl} ACCOUNTDISABLE)
 */
public record DirectoryAccountState(boolean locked, boolean disabled) {

    public static final DirectoryAccountState NORMAL = new DirectoryAccountState(false, false);
}
