package io.github.keycloaksspr.ldap;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.ldap.LDAPStorageProvider;

/** Finds the LDAP provider (vendor Active Directory) a user is federated from, as Keycloak itself would use it. */
final class ActiveDirectoryProviders {

    private static final Logger LOG = Logger.getLogger(ActiveDirectoryProviders.class);

    private final KeycloakSession session;

    ActiveDirectoryProviders(KeycloakSession session) {
        this.session = session;
    }

    Optional<LDAPStorageProvider> of(RealmModel realm, UserModel user) {
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
        Optional<LDAPStorageProvider> ldap = of(component);
        if (ldap.isEmpty()) {
            LOG.debugf("SSPR: provider of user %s is not an LDAP provider instance", user.getId());
        }
        return ldap;
    }

    /** The LDAP provider instance of a user-storage component, as Keycloak would use it in this request. */
    Optional<LDAPStorageProvider> of(ComponentModel component) {
        return storageProvider(component) instanceof LDAPStorageProvider ldap ? Optional.of(ldap) : Optional.empty();
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
}
