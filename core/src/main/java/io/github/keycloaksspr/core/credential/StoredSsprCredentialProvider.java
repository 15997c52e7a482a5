package io.github.keycloaksspr.core.credential;

import java.util.Objects;

import io.github.keycloaksspr.core.guard.RemovalGuard;
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
 * What the pack's credential providers share: they keep their credentials in Keycloak's credential
 * store and validate nothing themselves. The proof of possession happens elsewhere (a one-time code
 * in the authentication session, an answer checked per question), so {@link #isValid} never accepts
 * an input. They are {@link CredentialInputValidator}s for {@link #isConfiguredFor}, which
 * {@code user.credentialManager().isConfiguredFor(type)} asks.
 *
 * @param <T> the credential model of the one type the provider manages
 */
abstract class StoredSsprCredentialProvider<T extends CredentialModel>
        implements CredentialProvider<T>, CredentialInputValidator {

    private final KeycloakSession session;
    private final String type;
    private final String iconCssClassKey;

    StoredSsprCredentialProvider(KeycloakSession session, String type, String iconCssClassKey) {
        this.session = Objects.requireNonNull(session, "session");
        this.type = type;
        this.iconCssClassKey = iconCssClassKey;
    }

    @Override
    public final String getType() {
        return type;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, T credential) {
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(Time.currentTimeMillis());
        }
        if (credential.getUserLabel() != null) {
            credential.setUserLabel(SsprCredentials.uniqueLabel(user, type, credential.getUserLabel()));
        }
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public final boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public final CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return SsprCredentialMetadata.twoFactor(session, getType(), iconCssClassKey,
                mayRemove(metadataContext.getUser()));
    }

    /**
     * Keycloak asks this before its own removals (never before an administrator's): where the security-info page
     * is there, removal happens there, after proof of another method; otherwise any but the last credential of the
     * type may go, the last only if the user keeps enough methods.
     */
    private boolean mayRemove(UserModel user) {
        if (user != null) {
            // Keycloak asks this right before it removes a credential: the notice needs the address being removed.
            ContactSnapshot.remember(session, user);
        }
        RemovalGuard guard = session.getProvider(RemovalGuard.class);
        if (user != null && guard != null && !guard.removableOutsideTheSecurityInfoPage(user)) {
            return false;
        }
        if (user == null || user.credentialManager().getStoredCredentialsByTypeStream(type).count() > 1) {
            return true;
        }
        return guard == null || guard.mayRemoveLast(user, type);
    }

    @Override
    public final boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public final boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType)
                && user.credentialManager().getStoredCredentialsByTypeStream(credentialType).findAny().isPresent();
    }

    @Override
    public final boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return false;
    }
}
