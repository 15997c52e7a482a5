package io.github.keycloaksspr.ldap;

import java.util.Optional;

import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderFactory;
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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActiveDirectoryAccounts.class);

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
            LOG.debugf("SSPR: user %s not found in its AD provider", user.getId());
            return Optional.empty();
        }
        int computed = parse(entry.getAttributeAsString(UAC_COMPUTED));
        int uac = parse(entry.getAttributeAsString(UAC));
        LOG.debugf("SSPR: AD account of user %s: %s=%d, %s=%d", user.getId(), UAC_COMPUTED, computed, UAC, uac);
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
        // Only lockoutTime is written: a fresh object with the entry's DN; its RDN attributes are named (so Keycloak
        // sees no rename) and read-only (so they are not written).
        LDAPObject change = new LDAPObject();
        change.setDn(entry.getDn());
        change.setRdnAttributeNames(entry.getRdnAttributeNames());
        entry.getRdnAttributeNames().forEach(change::addReadOnlyAttributeName);
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
            // Requested (constructed attributes come only when asked for) and marked read-only (never written back).
            for (String attribute : java.util.List.of(UAC_COMPUTED, UAC, LOCKOUT_TIME)) {
                query.addReturningLdapAttribute(attribute);
                query.addReturningReadOnlyLdapAttribute(attribute);
            }
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
            LOG.debugf("SSPR: user %s is not from an Active Directory provider", user.getId());
            return Optional.empty();
        }
        Object provider = storageProvider(component);
        if (provider instanceof LDAPStorageProvider ldap) {
            return Optional.of(ldap);
        }
        LOG.debugf("SSPR: provider of user %s is %s, not LDAP", user.getId(),
                provider == null ? null : provider.getClass().getName());
        return Optional.empty();
    }

    /**
     * The provider instance Keycloak uses for this component in this request, created the way Keycloak's storage
     * manager does (one per component and session, closed with the session) when none exists yet.
     */
    private Object storageProvider(ComponentModel component) {
        Object existing = session.getAttribute(component.getId());
        if (existing != null) {
            return existing;
        }
        ProviderFactory<?> factory = session.getKeycloakSessionFactory()
                .getProviderFactory(UserStorageProvider.class, component.getProviderId());
        if (!(factory instanceof UserStorageProviderFactory<?> storageFactory)) {
            return null;
        }
        UserStorageProvider created = storageFactory.create(session, component);
        session.enlistForClose(created);
        session.setAttribute(component.getId(), created);
        return created;
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
