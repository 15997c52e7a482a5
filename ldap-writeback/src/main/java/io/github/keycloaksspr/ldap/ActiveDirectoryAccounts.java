package io.github.keycloaksspr.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.naming.NamingException;

import io.github.keycloaksspr.core.directory.DirectoryAccountState;
import io.github.keycloaksspr.core.directory.DirectoryAccounts;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal.Reason;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.mappers.LDAPStorageMapper;

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
    private static final List<String> PASSWORD_CONTEXT = List.of("sAMAccountName", "displayName", "pwdLastSet",
            AdPasswordPolicyReader.RESULTANT_PSO);
    private static final String MSAD_MAPPER = "msad-user-account-control-mapper";
    private static final String POLICY_HINTS = "ldap.password.policy.hints.enabled";
    /** Seconds between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActiveDirectoryAccounts.class);

    private final KeycloakSession session;
    private final ActiveDirectoryProviders providers;

    ActiveDirectoryAccounts(KeycloakSession session) {
        this.session = session;
        this.providers = new ActiveDirectoryProviders(session);
    }

    @Override
    public Optional<DirectoryAccountState> stateOf(RealmModel realm, UserModel user) {
        Optional<LDAPStorageProvider> ldap = providers.of(realm, user);
        if (ldap.isEmpty()) {
            return Optional.empty();
        }
        LDAPObject entry = find(ldap.get(), realm, user, List.of(UAC_COMPUTED, UAC, LOCKOUT_TIME));
        if (entry == null) {
            LOG.debugf("SSPR: user %s not found in its AD provider", user.getId());
            return Optional.empty();
        }
        int computed = (int) AdPasswordPolicy.parseLong(entry.getAttributeAsString(UAC_COMPUTED));
        int uac = (int) AdPasswordPolicy.parseLong(entry.getAttributeAsString(UAC));
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
        LDAPObject entry = find(ldap.get(), realm, user, List.of(LOCKOUT_TIME));
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
        Optional<LDAPStorageProvider> ldap = providers.of(realm, user);
        if (ldap.isEmpty()) {
            return Optional.empty();
        }
        if (AdLdapError.isUnreachable(failure)) {
            return Optional.of(DirectoryPasswordRefusal.of(Reason.UNAVAILABLE));
        }
        Optional<AdLdapError> error = AdLdapError.in(failure);
        if (error.isEmpty()) {
            // Not an answer from AD (e.g. Keycloak's own policy, or a read-only user while AD was away): AD is asked.
            return reachable(ldap.get(), realm, user) ? Optional.empty()
                    : Optional.of(DirectoryPasswordRefusal.of(Reason.UNAVAILABLE));
        }
        LOG.debugf("SSPR: AD refused the new password of user %s: %s", user.getId(), error.get().summary());
        DirectoryPasswordRefusal refusal = error.get().isPasswordRestriction()
                ? explainRestriction(ldap.get(), realm, user, attemptedPassword)
                : DirectoryPasswordRefusal.of(Reason.WRITE_FAILED);
        return Optional.of(refusal.withDirectoryError(error.get().summary()));
    }

    private DirectoryPasswordRefusal explainRestriction(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                                       String attemptedPassword) {
        try {
            LDAPObject entry = find(ldap, realm, user, PASSWORD_CONTEXT);
            if (entry == null) {
                return DirectoryPasswordRefusal.of(Reason.REJECTED);
            }
            AdPasswordPolicy policy = new AdPasswordPolicyReader(session, ldap)
                    .read(entry.getDn().toString(), entry.getAttributeAsString(AdPasswordPolicyReader.RESULTANT_PSO));
            boolean hints = policyHintsSent(realm, ldap);
            LOG.debugf("SSPR: AD password policy for user %s from %s: min length %d, complexity %s, history %d, "
                            + "min age %s, policy hints %s", user.getId(), policy.source(), policy.minimumLength(),
                    policy.complexity(), policy.historyLength(), policy.minimumAge(), hints);
            return AdPasswordRules.explain(policy, attemptedPassword, entry.getAttributeAsString("sAMAccountName"),
                    entry.getAttributeAsString("displayName"), hints,
                    fileTime(entry.getAttributeAsString("pwdLastSet")), Instant.now());
        } catch (NamingException | RuntimeException e) {
            LOG.debugf("SSPR: AD password policy of user %s not readable: %s", user.getId(), e.toString());
            return DirectoryPasswordRefusal.of(Reason.REJECTED);
        }
    }

    private boolean reachable(LDAPStorageProvider ldap, RealmModel realm, UserModel user) {
        try {
            find(ldap, realm, user, List.of(UAC));
            return true;
        } catch (DirectoryUnavailableException e) {
            return false;
        }
    }

    /** History and minimum age count only when the write asked AD to apply them (Keycloak's MSAD mapper option). */
    private static boolean policyHintsSent(RealmModel realm, LDAPStorageProvider ldap) {
        return realm.getComponentsStream(ldap.getModel().getId(), LDAPStorageMapper.class.getName())
                .anyMatch(mapper -> MSAD_MAPPER.equals(mapper.getProviderId())
                        && Boolean.parseBoolean(mapper.get(POLICY_HINTS)));
    }

    /** {@code pwdLastSet}: 100-ns intervals since 1601; 0 means "must change", -1 "now" (as a write only). */
    static Instant fileTime(String value) {
        long ticks = AdPasswordPolicy.parseLong(value);
        if (ticks <= 0) {
            return null;
        }
        return Instant.ofEpochSecond(ticks / 10_000_000L - FILETIME_EPOCH_OFFSET, ticks % 10_000_000L * 100);
    }

    private static LDAPObject find(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                   List<String> attributes) {
        try {
            return AdUserEntries.find(ldap, realm, user, attributes);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("could not read the AD account", e);
        }
    }
}
