package io.github.keycloaksspr.ldap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.naming.NamingException;

import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal.Reason;
import io.github.keycloaksspr.core.directory.DirectoryPasswordRefusal;
import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.mappers.LDAPStorageMapper;

/**
 * Turns a failed password write to AD into what the user is told: AD's 0000052D answer explained by the rules that
 * apply to the user, a refused write, or an unreachable directory. Keycloak reports all of them with one generic
 * message.
 */
final class AdPasswordRefusals {

    private static final List<String> PASSWORD_CONTEXT = List.of("sAMAccountName", "displayName", "pwdLastSet",
            AdPasswordPolicyReader.RESULTANT_PSO);
    private static final String MSAD_MAPPER = "msad-user-account-control-mapper";
    private static final String POLICY_HINTS = "ldap.password.policy.hints.enabled";

    private static final Logger LOG = Logger.getLogger(AdPasswordRefusals.class);

    private final KeycloakSession session;

    AdPasswordRefusals(KeycloakSession session) {
        this.session = session;
    }

    /** @see io.github.keycloaksspr.core.directory.DirectoryAccounts#explainPasswordFailure */
    Optional<DirectoryPasswordRefusal> explain(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                               String attemptedPassword, Throwable failure) {
        if (AdLdapError.isReadTimeout(failure)) {
            return Optional.of(DirectoryPasswordRefusal.of(Reason.TIMED_OUT));
        }
        if (AdLdapError.isUnreachable(failure)) {
            return Optional.of(DirectoryPasswordRefusal.of(Reason.UNAVAILABLE));
        }
        Optional<AdLdapError> error = AdLdapError.in(failure);
        if (error.isEmpty()) {
            // Not an answer from AD (e.g. Keycloak's own policy, or a read-only user while AD was away): AD is asked.
            return reachable(ldap, realm, user) ? Optional.empty()
                    : Optional.of(DirectoryPasswordRefusal.of(Reason.UNAVAILABLE));
        }
        LOG.debugf("SSPR: AD refused the new password of user %s: %s", user.getId(), error.get().summary());
        DirectoryPasswordRefusal refusal = error.get().isPasswordRestriction()
                ? explainRestriction(ldap, realm, user, attemptedPassword)
                : DirectoryPasswordRefusal.of(Reason.WRITE_FAILED);
        return Optional.of(refusal.withDirectoryError(error.get().summary()));
    }

    private DirectoryPasswordRefusal explainRestriction(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                                       String attemptedPassword) {
        try {
            LDAPObject entry = AdUserEntries.findOrUnavailable(ldap, realm, user, PASSWORD_CONTEXT);
            if (entry == null) {
                return DirectoryPasswordRefusal.of(Reason.REJECTED);
            }
            AdPasswordPolicy policy = new AdPasswordPolicyReader(session, ldap)
                    .read(entry.getDn().toString(), entry.getAttributeAsString(AdPasswordPolicyReader.RESULTANT_PSO));
            boolean hints = policyHintsSent(realm, ldap.getModel().getId());
            LOG.debugf("SSPR: AD password policy for user %s from %s: min length %d, complexity %s, history %d, "
                            + "min age %s, policy hints %s", user.getId(), policy.source(), policy.minimumLength(),
                    policy.complexity(), policy.historyLength(), policy.minimumAge(), hints);
            return AdPasswordRules.explain(policy, attemptedPassword, entry.getAttributeAsString("sAMAccountName"),
                    entry.getAttributeAsString("displayName"), hints,
                    AdValues.fileTime(entry.getAttributeAsString("pwdLastSet")), Instant.now());
        } catch (NamingException | RuntimeException e) {
            LOG.debugf("SSPR: AD password policy of user %s not readable: %s", user.getId(), e.toString());
            return DirectoryPasswordRefusal.of(Reason.REJECTED);
        }
    }

    private static boolean reachable(LDAPStorageProvider ldap, RealmModel realm, UserModel user) {
        try {
            AdUserEntries.findOrUnavailable(ldap, realm, user, List.of(ActiveDirectoryAccounts.UAC));
            return true;
        } catch (DirectoryUnavailableException e) {
            return false;
        }
    }

    /** History and minimum age count only when the write asked AD to apply them (Keycloak's MSAD mapper option). */
    static boolean policyHintsSent(RealmModel realm, String ldapComponentId) {
        return realm.getComponentsStream(ldapComponentId, LDAPStorageMapper.class.getName())
                .anyMatch(mapper -> MSAD_MAPPER.equals(mapper.getProviderId())
                        && Boolean.parseBoolean(mapper.get(POLICY_HINTS)));
    }
}
