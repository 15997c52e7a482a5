package io.github.keycloaksspr.ldap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;

/**
 * Lockout, disabled state and password rules of users federated from Active Directory, read (and the lockout
 * cleared) through the user's own LDAP provider: its connection, truststore and bind credential. Keycloak itself never
 * reads {@code lockoutTime} and reports every password-policy refusal with one generic message.
 */
final class ActiveDirectoryAccounts implements DirectoryAccounts {

    static final String LOCKOUT_TIME = "lockoutTime";
    /** Constructed by AD on read: the only reliable "locked now" (it honours the lockout duration). */
    static final String UAC_COMPUTED = "msDS-User-Account-Control-Computed";
    static final String UAC = "userAccountControl";
    static final int UF_ACCOUNTDISABLE = 0x2;
    static final int UF_LOCKOUT = 0x10;

    private static final Logger LOG = Logger.getLogger(ActiveDirectoryAccounts.class);

    private final KeycloakSession session;
    private final ActiveDirectoryProviders providers;
    private final AdPasswordRefusals passwordRefusals;

    ActiveDirectoryAccounts(KeycloakSession session) {
        this.session = session;
        this.providers = new ActiveDirectoryProviders(session);
        this.passwordRefusals = new AdPasswordRefusals(session);
    }

    @Override
    public Optional<DirectoryAccountState> stateOf(RealmModel realm, UserModel user) {
        Optional<LDAPStorageProvider> ldap = providers.of(realm, user);
        if (ldap.isEmpty()) {
            return Optional.empty();
        }
        LDAPObject entry = AdUserEntries.findOrUnavailable(ldap.get(), realm, user, List.of(UAC_COMPUTED, UAC, LOCKOUT_TIME));
        if (entry == null) {
            LOG.debugf("SSPR: user %s not found in its AD provider", user.getId());
            return Optional.empty();
        }
        int computed = (int) AdValues.number(entry.getAttributeAsString(UAC_COMPUTED));
        int uac = (int) AdValues.number(entry.getAttributeAsString(UAC));
        LOG.debugf("SSPR: AD account of user %s: %s=%d, %s=%d", user.getId(), UAC_COMPUTED, computed, UAC, uac);
        return Optional.of(new DirectoryAccountState((computed & UF_LOCKOUT) != 0,
                (uac & UF_ACCOUNTDISABLE) != 0));
    }

    @Override
    public void unlock(RealmModel realm, UserModel user) {
        Optional<LDAPStorageProvider> ldap = providers.of(realm, user);
        if (ldap.isEmpty()) {
            return;
        }
        LDAPObject entry = AdUserEntries.findOrUnavailable(ldap.get(), realm, user, List.of(LOCKOUT_TIME));
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

    @Override
    public Optional<DirectoryPasswordRefusal> explainPasswordFailure(RealmModel realm, UserModel user,
                                                                    String attemptedPassword, Throwable failure) {
        return providers.of(realm, user)
                .flatMap(ldap -> passwordRefusals.explain(ldap, realm, user, attemptedPassword, failure));
    }

    @Override
    public Map<String, Object> writebackHealth(RealmModel realm) {
        return new WritebackHealth(session, realm).report();
    }
}
