package io.github.keycloaksspr.ldap;

import java.util.Optional;

import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;

/**
 * Lockout and disabled state of users federated from Active Directory, read and cleared through the user's own LDAP
 * provider (its connection, truststore and bind credential). Keycloak itself never reads {@code lockoutTime}.
 */
final class ActiveDirectoryAccounts implements DirectoryAccounts {

    static final String LOCKOUT_TIME = "lockoutTime";
    /** Constructed by AD on read: the only reliable "locked now" (it honours the lockout duration). */
    static final String UAC_COMPUTED = "msDS-User-Account-Control-Computed";
    static final String UAC = "userAccountControl";
    static final int UF_ACCOUNTDISABLE = 0x2;
    static final int UF_LOCKOUT = 0x10;

    private final KeycloakSession session;

    ActiveDirectoryAccounts(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Optional<DirectoryAccountState> stateOf(RealmModel realm, UserModel user) {
        Optional<LDAPStorageProvider> ldap = activeDirectoryOf(realm, user);
        if (ldap.isEmpty()) {
            return Optional.empty();
        }
        LDAPObject entry = find(ldap.get(), realm, user);
        if (entry == null) {
            return Optional.empty();
        }
        int computed = parse(entry.getAttributeAsString(UAC_COMPUTED));
        int uac = parse(entry.getAttributeAsString(UAC));
        return Optional.of(new DirectoryAccountState((computed & UF_LOCKOUT) != 0,
                (uac & UF_ACCOUNTDISABLE) != 0));
    }

    @Override
    public void unlock(RealmModel realm, UserModel user) {
        Optional<LDAPStorageProvider> ldap = activeDirectoryOf(realm, user);
        if (ldap.isEmpty()) {
            return;
        }
        LDAPObject entry = find(ldap.get(), realm, user);
        if (entry == null) {
            return;
        }
        // Only lockoutTime is written: a fresh object with the entry's DN and nothing else.
        LDAPObject change = new LDAPObject();
        change.setDn(entry.getDn());
        change.setSingleAttribute(LOCKOUT_TIME, "0");
        try {
            ldap.get().getLdapIdentityStore().update(change);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("could not clear the AD lockout", e);
        }
    }

    private LDAPObject find(LDAPStorageProvider ldap, RealmModel realm, UserModel user) {
        String usernameAttribute = ldap.getLdapIdentityStore().getConfig().getUsernameLdapAttribute();
        try (LDAPQuery query = LDAPUtils.createQueryForUserSearch(ldap, realm)) {
            query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(usernameAttribute, user.getUsername()));
            query.addReturningReadOnlyLdapAttribute(UAC_COMPUTED);
            query.addReturningReadOnlyLdapAttribute(UAC);
            query.addReturningReadOnlyLdapAttribute(LOCKOUT_TIME);
            return query.getFirstResult();
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("could not read the AD account", e);
        }
    }

    private Optional<LDAPStorageProvider> activeDirectoryOf(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        if (link == null) {
            return Optional.empty();
        }
        ComponentModel component = realm.getComponent(link);
        if (component == null || !"ldap".equals(component.getProviderId())
                || !"ad".equalsIgnoreCase(component.get("vendor"))) {
            return Optional.empty();
        }
        UserStorageProvider provider = session.getComponentProvider(UserStorageProvider.class, link);
        return provider instanceof LDAPStorageProvider ldap ? Optional.of(ldap) : Optional.empty();
    }

    private static int parse(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
