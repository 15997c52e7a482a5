package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class MobilePhoneCredentialModelTest {

    @Test
    void storesTheNumberAsJsonWithoutSecret() {
        MobilePhoneCredentialModel model = MobilePhoneCredentialModel.createFor("+4915112345678");

        assertThat(model.getType()).isEqualTo("sspr-mobile-phone");
        assertThat(model.getCredentialData()).isEqualTo("{\"number\":\"+4915112345678\"}");
        assertThat(model.getSecretData()).isEqualTo("{}");
        assertThat(model.getCreatedDate()).isNotNull();
        assertThat(model.getUserLabel()).isEqualTo("+49 \u2022\u2022\u2022 \u2022\u2022 78");
        assertThat(model.number()).isEqualTo("+4915112345678");
    }

    @Test
    void roundTripsThroughTheStoredForm() {
        CredentialModel stored = stored(MobilePhoneCredentialModel.createFor("+15005550006"));

        MobilePhoneCredentialModel read = MobilePhoneCredentialModel.createFromCredentialModel(stored);

        assertThat(read.number()).isEqualTo("+15005550006");
        assertThat(read.getId()).isEqualTo("cred-1");
        assertThat(read.getUserLabel()).isEqualTo(stored.getUserLabel());
        assertThat(read.getCreatedDate()).isEqualTo(stored.getCreatedDate());
    }

    @Test
    void readsDataWrittenByANewerVersion() {
        CredentialModel stored = new CredentialModel();
        stored.setType(MobilePhoneCredentialModel.TYPE);
        stored.setCredentialData("{\"number\":\"+4915112345678\",\"verifiedBy\":\"sms\"}");

        assertThat(MobilePhoneCredentialModel.createFromCredentialModel(stored).number()).isEqualTo("+4915112345678");
    }

    @Test
    void rejectsNumbersThatAreNotE164WithoutRepeatingThem() {
        assertThatThrownBy(() -> MobilePhoneCredentialModel.createFor("0151 98765432"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("98765432");
        assertThatThrownBy(() -> MobilePhoneCredentialModel.createFor(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsStoredDataThatIsBrokenWithoutRepeatingIt() {
        CredentialModel stored = new CredentialModel();
        stored.setId("cred-9");
        stored.setCredentialData("{\"number\":\"015112345678\"}");
        assertThatThrownBy(() -> MobilePhoneCredentialModel.createFromCredentialModel(stored))
                .hasMessageContaining("cred-9")
                .hasMessageNotContaining("015112345678");

        stored.setCredentialData("not json 015112345678");
        assertThatThrownBy(() -> MobilePhoneCredentialModel.createFromCredentialModel(stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("015112345678");
    }

    static CredentialModel stored(CredentialModel created) {
        CredentialModel stored = new CredentialModel();
        stored.setId("cred-1");
        stored.setType(created.getType());
        stored.setUserLabel(created.getUserLabel());
        stored.setCreatedDate(created.getCreatedDate());
        stored.setCredentialData(created.getCredentialData());
        stored.setSecretData(created.getSecretData());
        return stored;
    }
}
