package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/** A pass is shown once, stored only as a salted hash, matches however it is typed, and expires. */
class TemporaryAccessPassCredentialModelTest {

    @Test
    void thePassIsReadableAndNeverStored() {
        TemporaryAccessPassCredentialModel.Issued issued = TemporaryAccessPassCredentialModel.issue(60, true, "hank");

        assertThat(issued.pass()).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
        String raw = issued.pass().replace("-", "");
        assertThat(issued.credential().getCredentialData()).doesNotContain(raw).contains("\"oneTime\":true");
        assertThat(issued.credential().getSecretData()).doesNotContain(raw);
        assertThat(issued.credential().getType()).isEqualTo(TemporaryAccessPassCredentialModel.TYPE);
    }

    @Test
    void itMatchesAsTypedAndNothingElse() {
        TemporaryAccessPassCredentialModel.Issued issued = TemporaryAccessPassCredentialModel.issue(60, false, "hank");
        CredentialModel stored = new CredentialModel();
        stored.setId("tap-1");
        stored.setCredentialData(issued.credential().getCredentialData());
        stored.setSecretData(issued.credential().getSecretData());
        TemporaryAccessPassCredentialModel read = TemporaryAccessPassCredentialModel.createFromCredentialModel(stored);

        assertThat(read.matches(issued.pass())).isTrue();
        assertThat(read.matches(issued.pass().replace("-", " ").toLowerCase())).isTrue();
        assertThat(read.matches(issued.pass().substring(1))).isFalse();
        assertThat(read.matches(null)).isFalse();
        assertThat(read.oneTime()).isFalse();
    }

    @Test
    void itExpiresAfterItsLifetimeWhichIsBounded() {
        TemporaryAccessPassCredentialModel pass = TemporaryAccessPassCredentialModel.issue(10, true, "hank").credential();
        long now = Time.currentTimeMillis();
        assertThat(pass.expiredAt(now)).isFalse();
        assertThat(pass.expiredAt(now + 10 * 60_000L + 1000)).isTrue();
        assertThatThrownBy(() -> TemporaryAccessPassCredentialModel.issue(9, true, "hank"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TemporaryAccessPassCredentialModel.issue(481, true, "hank"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
