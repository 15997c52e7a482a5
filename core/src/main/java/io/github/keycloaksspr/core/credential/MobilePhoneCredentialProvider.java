package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;

/**
 * Stores verified mobile phone numbers. The proof of possession is a one-time code kept in the
 * authentication session, so the provider itself validates nothing.
 */
public final class MobilePhoneCredentialProvider extends StoredSsprCredentialProvider<MobilePhoneCredentialModel> {

    public MobilePhoneCredentialProvider(KeycloakSession session) {
        super(session, MobilePhoneCredentialModel.TYPE, "kcAuthenticatorSsprMobilePhoneClass");
    }

    @Override
    public MobilePhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return MobilePhoneCredentialModel.createFromCredentialModel(model);
    }
}
