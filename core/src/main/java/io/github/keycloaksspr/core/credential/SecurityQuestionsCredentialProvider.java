package io.github.keycloaksspr.core.credential;

import java.util.List;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores a user's security questions. A user has at most one set: registering a new set replaces the
 * old one. Answers are checked per question with
 * {@link SecurityQuestionsCredentialModel#matches(KeycloakSession, String, String)}; the provider
 * itself validates nothing, because a {@link CredentialInput} carries one response and no question.
 */
public final class SecurityQuestionsCredentialProvider
        extends StoredSsprCredentialProvider<SecurityQuestionsCredentialModel> {

    public SecurityQuestionsCredentialProvider(KeycloakSession session) {
        super(session, SecurityQuestionsCredentialModel.TYPE, "kcAuthenticatorSsprSecurityQuestionsClass");
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, SecurityQuestionsCredentialModel credential) {
        // Two sets would leave it open which answers count; the old set is removed in the same transaction.
        List<String> previous = user.credentialManager().getStoredCredentialsByTypeStream(getType())
                .map(CredentialModel::getId)
                .toList();
        previous.forEach(user.credentialManager()::removeStoredCredentialById);
        return super.createCredential(realm, user, credential);
    }

    @Override
    public SecurityQuestionsCredentialModel getCredentialFromModel(CredentialModel model) {
        return SecurityQuestionsCredentialModel.createFromCredentialModel(model);
    }
}
