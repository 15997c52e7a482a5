package io.github.keycloaksspr.it.support;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.NotFoundException;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderSimpleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** What a realm admin does in the admin console around security-info registration, through the admin API. */
public final class RegistrationAdmin {

    public static final String ACTION = "sspr-register-security-info";

    private RegistrationAdmin() {
    }

    /** Authentication → Required actions: enable the action and save its config. */
    public static void enableRegistration(ManagedRealm realm, Map<String, String> config) {
        AuthenticationManagementResource flows = realm.admin().flows();
        RequiredActionProviderRepresentation action;
        try {
            action = flows.getRequiredAction(ACTION);
        } catch (NotFoundException e) {
            RequiredActionProviderSimpleRepresentation register = new RequiredActionProviderSimpleRepresentation();
            register.setProviderId(ACTION);
            register.setName("Register security info (SSPR)");
            flows.registerRequiredAction(register);
            action = flows.getRequiredAction(ACTION);
        }
        action.setEnabled(true);
        flows.updateRequiredAction(ACTION, action);
        RequiredActionConfigRepresentation settings = new RequiredActionConfigRepresentation();
        settings.setConfig(config);
        flows.updateRequiredActionConfig(ACTION, settings);
    }

    /** Users → user → Credentials. */
    public static List<CredentialRepresentation> credentials(ManagedRealm realm, String username) {
        return realm.admin().users().get(userId(realm, username)).credentials();
    }

    /** The pack's credential types the user has, as the credentials tab lists them. */
    public static List<String> credentialTypes(ManagedRealm realm, String username) {
        return credentials(realm, username).stream().map(CredentialRepresentation::getType)
                .filter(t -> t.startsWith("sspr-")).toList();
    }

    public static String credentialId(ManagedRealm realm, String username, String type) {
        return credentials(realm, username).stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow()
                .getId();
    }

    public static String userId(ManagedRealm realm, String username) {
        return realm.admin().users().searchByUsername(username, true).get(0).getId();
    }
}
