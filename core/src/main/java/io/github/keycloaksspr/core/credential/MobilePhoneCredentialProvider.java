package io.github.keycloaksspr.core.credential;

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
 * Stores verified mobile phone numbers. It validates nothing itself: the proof of possession is a
 * one-time code kept in the authentication session, so {@link #isValid} never accepts an input. It
 * is a {@link CredentialInputValidator} for {@link #isConfiguredFor}, which
 * {@code user.credentialManager().isConfiguredFor(type)} asks.
 */
public final class MobilePhoneCredentialProvider
        implements CredentialProvider<MobilePhoneCredentialModel>, CredentialInputValidator {

    private final KeycloakSession session;

    public MobilePhoneCredentialProvider(KeycloakSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public String getType() {
        return MobilePhoneCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, MobilePhoneCredentialModel credential) {
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
    public MobilePhoneCredentialModel getCredentialFromModel(CredentialModel model) {
        return MobilePhoneCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return SsprCredentialMetadata.twoFactor(session, getType(), "kcAuthenticatorSsprMobilePhoneClass");
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
