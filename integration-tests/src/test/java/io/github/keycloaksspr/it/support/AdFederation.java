package io.github.keycloaksspr.it.support;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Federates a test realm with the Samba AD exactly as an admin does in the console (User federation, LDAP, vendor
 * Active Directory): LDAPS, WRITABLE, users imported.
 */
public final class AdFederation {

    private AdFederation() {
    }

    /** Adds the LDAP provider to the realm and removes it (with its imported users) when the test ends. */
    public static String federate(ManagedRealm realm) {
        return federate(realm, "active-directory", Map.of());
    }

    /** Another provider of the same AD under {@code name}, with some settings changed (e.g. the edit mode). */
    public static String federate(ManagedRealm realm, String name, Map<String, String> overrides) {
        SambaAd.AdEnvironment ad = SambaAd.environment();
        ComponentRepresentation ldap = new ComponentRepresentation();
        ldap.setName(name);
        ldap.setProviderId("ldap");
        ldap.setProviderType("org.keycloak.storage.UserStorageProvider");
        ldap.setParentId(realm.getId());

        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        Map.ofEntries(
                Map.entry("enabled", "true"),
                Map.entry("priority", "0"),
                Map.entry("vendor", "ad"),
                Map.entry("connectionUrl", ad.url()),
                Map.entry("startTls", "false"),
                Map.entry("useTruststoreSpi", "always"),
                Map.entry("authType", "simple"),
                Map.entry("bindDn", ad.bindDn()),
                Map.entry("bindCredential", ad.bindPassword()),
                Map.entry("editMode", "WRITABLE"),
                Map.entry("usersDn", ad.usersDn()),
                Map.entry("usernameLDAPAttribute", "sAMAccountName"),
                Map.entry("rdnLDAPAttribute", "cn"),
                Map.entry("uuidLDAPAttribute", "objectGUID"),
                Map.entry("userObjectClasses", "person, organizationalPerson, user"),
                Map.entry("customUserSearchFilter", "(!(isCriticalSystemObject=TRUE))"),
                Map.entry("searchScope", "1"),
                Map.entry("pagination", "true"),
                Map.entry("importEnabled", "true"),
                Map.entry("syncRegistrations", "true"),
                Map.entry("usePasswordModifyExtendedOp", "false"),
                Map.entry("validatePasswordPolicy", "false"),
                Map.entry("connectionTimeout", "5000"),
                Map.entry("readTimeout", "10000"))
                .forEach(config::putSingle);
        overrides.forEach(config::putSingle);
        ldap.setConfig(config);

        try (Response response = realm.admin().components().add(ldap)) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("LDAP provider not created: HTTP " + response.getStatus()
                        + " " + response.readEntity(String.class));
            }
            String location = response.getLocation().getPath();
            String id = location.substring(location.lastIndexOf('/') + 1);
            realm.cleanup().add(r -> r.components().component(id).remove());
            return id;
        }
    }
}
