package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;

/**
 * Stores verified alternate email addresses. The proof of possession is a one-time code kept in the
 * authentication session, so the provider itself validates nothing.
 */
public final class AlternateEmailCredentialProvider extends StoredSsprCredentialProvider<AlternateEmailCredentialModel> {

    public AlternateEmailCredentialProvider(KeycloakSession session) {
        super(session, AlternateEmailCredentialModel.TYPE, "kcAuthenticatorSsprAlternateEmailClass");
    }

    @Override
    public AlternateEmailCredentialModel getCredentialFromModel(CredentialModel model) {
        return AlternateEmailCredentialModel.createFromCredentialModel(model);
    }
}
