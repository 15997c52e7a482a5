package io.github.keycloaksspr.core.credential;

import java.util.List;
import java.util.Objects;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Stores a user's security questions. A user has at most one set: registering a new set replaces the
 * old one. Answers are checked per question with
 * {@link SecurityQuestionsCredentialModel#matches(KeycloakSession, String, String)};
 * {@link #isValid} never accepts an input, because a {@link CredentialInput} carries one response
 * and no question. The provider is a {@link CredentialInputValidator} for {@link #isConfiguredFor}.
 */
public final class SecurityQuestionsCredentialProvider
        implements CredentialProvider<SecurityQuestionsCredentialModel>, CredentialInputValidator {

    private final KeycloakSession session;

    public SecurityQuestionsCredentialProvider(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public String getType() {
        return SecurityQuestionsCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, SecurityQuestionsCredentialModel credential) {
        // Two sets would leave it open which answers count; the old set is removed in the same transaction.
        List<String> previous = user.credentialManager().getStoredCredentialsByTypeStream(getType())
                .map(CredentialModel::getId)
                .toList();
        previous.forEach(user.credentialManager()::removeStoredCredentialById);
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(Time.currentTimeMillis());
        }
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public SecurityQuestionsCredentialModel getCredentialFromModel(CredentialModel model) {
        return SecurityQuestionsCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return SsprCredentialMetadata.twoFactor(session, getType(), "kcAuthenticatorSsprSecurityQuestionsClass");
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType)
                && user.credentialManager().getStoredCredentialsByTypeStream(credentialType).findAny().isPresent();
    }

    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return false;
    }
}
