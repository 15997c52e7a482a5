package io.github.keycloaksspr.core.decoy;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;

/** A stand-in's fabricated credentials: readable like stored ones, never valid, never changed. */
final class StandInCredentials implements SubjectCredentialManager {

    private final List<CredentialModel> credentials;

    StandInCredentials(List<CredentialModel> credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean isValid(List<CredentialInput> inputs) {
        return false;
    }

    @Override
    public Stream<CredentialModel> getStoredCredentialsStream() {
        return List.copyOf(credentials).stream();
    }

    @Override
    public Stream<CredentialModel> getStoredCredentialsByTypeStream(String type) {
        return getStoredCredentialsStream().filter(c -> type.equals(c.getType()));
    }

    @Override
    public CredentialModel getStoredCredentialById(String id) {
        return credentials.stream().filter(c -> id.equals(c.getId())).findFirst().orElse(null);
    }

    @Override
    public CredentialModel getStoredCredentialByNameAndType(String name, String type) {
        return getStoredCredentialsByTypeStream(type).filter(c -> name.equals(c.getUserLabel())).findFirst()
                .orElse(null);
    }

    @Override
    public boolean isConfiguredFor(String type) {
        return getStoredCredentialsByTypeStream(type).findAny().isPresent();
    }

    @Override
    public boolean isConfiguredLocally(String type) {
        return isConfiguredFor(type);
    }

    @Override
    public Stream<String> getConfiguredUserStorageCredentialTypesStream() {
        return Stream.empty();
    }

    @Override
    public Stream<String> getDisableableCredentialTypesStream() {
        return Stream.empty();
    }

    @Override
    public boolean updateCredential(CredentialInput input) {
        throw readOnly();
    }

    @Override
    public void updateStoredCredential(CredentialModel credential) {
        throw readOnly();
    }

    @Override
    public CredentialModel createStoredCredential(CredentialModel credential) {
        throw readOnly();
    }

    @Override
    public boolean removeStoredCredentialById(String id) {
        throw readOnly();
    }

    @Override
    public boolean moveStoredCredentialTo(String id, String newPreviousCredentialId) {
        throw readOnly();
    }

    @Override
    public void updateCredentialLabel(String credentialId, String credentialLabel) {
        throw readOnly();
    }

    @Override
    public void disableCredentialType(String credentialType) {
        throw readOnly();
    }

    @Override
    public CredentialModel createCredentialThroughProvider(CredentialModel model) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a stand-in account is never changed");
    }
}
