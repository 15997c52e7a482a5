package io.github.keycloaksspr.ldap;

import java.util.Collection;

import io.github.keycloaksspr.core.directory.DirectoryUnavailableException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.LDAPUtils;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQueryConditionsBuilder;

/** Reads a user's AD entry with extra attributes through the provider's own user search. */
final class AdUserEntries {

    private AdUserEntries() {
    }

    /**
     * The user's entry with {@code attributes} requested (constructed ones come only when asked for) and marked
     * read-only (never written back); null when the directory has no such user.
     *
     * @throws DirectoryUnavailableException when the directory cannot be read
     */
    static LDAPObject findOrUnavailable(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                        Collection<String> attributes) {
        try {
            return find(ldap, realm, user, attributes);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("could not read the AD account", e);
        }
    }

    private static LDAPObject find(LDAPStorageProvider ldap, RealmModel realm, UserModel user,
                                   Collection<String> attributes) {
        String usernameAttribute = ldap.getLdapIdentityStore().getConfig().getUsernameLdapAttribute();
        try (LDAPQuery query = LDAPUtils.createQueryForUserSearch(ldap, realm)) {
            query.addWhereCondition(new LDAPQueryConditionsBuilder().equal(usernameAttribute, user.getUsername()));
            for (String attribute : attributes) {
                query.addReturningLdapAttribute(attribute);
                query.addReturningReadOnlyLdapAttribute(attribute);
            }
            return query.getFirstResult();
        }
    }
}
