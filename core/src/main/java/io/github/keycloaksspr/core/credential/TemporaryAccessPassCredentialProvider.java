package io.github.keycloaksspr.core.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's view of the Temporary Access Pass type: a first factor (it stands in for a password) that the user
 * neither sets up nor removes; only the help desk issues it. Keycloak's sign-in picks among alternatives by the user's
 * credentials, which needs a provider of the type.
 */
public final class TemporaryAccessPassCredentialProvider implements CredentialProvider<TemporaryAccessPassCredentialModel> {

    private final KeycloakSession session;

    TemporaryAccessPassCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return TemporaryAccessPassCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, TemporaryAccessPassCredentialModel pass) {
        return user.credentialManager().createStoredCredential(pass);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public TemporaryAccessPassCredentialModel getCredentialFromModel(CredentialModel model) {
        return TemporaryAccessPassCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName(getType() + "-display-name")
                .helpText(getType() + "-help-text")
                .iconCssClass("kcAuthenticatorPasswordClass")
                .removeable(false)
                .build(session);
    }
}
