package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class AlternateEmailCredentialModelTest {

    @Test
    void storesTheAddressWithLowerCasedDomain() {
        AlternateEmailCredentialModel model = AlternateEmailCredentialModel.createFor("  Jane.Doe@Example.COM ");

        assertThat(model.getType()).isEqualTo("sspr-alternate-email");
        assertThat(model.email()).isEqualTo("Jane.Doe@example.com");
        assertThat(model.getCredentialData()).isEqualTo("{\"email\":\"Jane.Doe@example.com\"}");
        assertThat(model.getSecretData()).isEqualTo("{}");
        assertThat(model.getUserLabel()).isEqualTo("J\u2022\u2022\u2022@\u2022\u2022\u2022");
    }

    @Test
    void roundTripsThroughTheStoredForm() {
        CredentialModel stored = MobilePhoneCredentialModelTest.stored(AlternateEmailCredentialModel.createFor("jane@example.org"));

        AlternateEmailCredentialModel read = AlternateEmailCredentialModel.createFromCredentialModel(stored);

        assertThat(read.email()).isEqualTo("jane@example.org");
        assertThat(read.getId()).isEqualTo("cred-1");
    }

    @Test
    void rejectsInvalidAddressesWithoutRepeatingThem() {
        assertThatThrownBy(() -> AlternateEmailCredentialModel.createFor("jane.example.org"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("jane");
    }

    @Test
    void rejectsStoredDataWithoutAValidAddress() {
        CredentialModel stored = new CredentialModel();
        stored.setId("cred-7");
        stored.setCredentialData("{\"email\":\"jane at example\"}");

        assertThatThrownBy(() -> AlternateEmailCredentialModel.createFromCredentialModel(stored))
                .hasMessageContaining("cred-7")
                .hasMessageNotContaining("jane");
    }
}
