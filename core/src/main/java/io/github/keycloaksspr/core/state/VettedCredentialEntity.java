package io.github.keycloaksspr.core.state;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of {@code SSPR_VETTED_CREDENTIAL}: a Keycloak credential set up through the security-info page. */
@Entity(name = "SsprVettedCredential")
@Table(name = "SSPR_VETTED_CREDENTIAL")
public class VettedCredentialEntity {

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }
}
