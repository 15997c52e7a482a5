package io.github.keycloaksspr.core.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.github.keycloaksspr.core.credential.SsprCredentialTypes;
import org.junit.jupiter.api.Test;

class FactorTest {

    @Test
    void thePacksCredentialTypesEachProveTheirOwnFactor() {
        assertThat(Factor.ofPackCredentialType(SsprCredentialTypes.MOBILE_PHONE)).contains(Factor.MOBILE_PHONE);
        assertThat(Factor.ofPackCredentialType(SsprCredentialTypes.ALTERNATE_EMAIL)).contains(Factor.ALTERNATE_EMAIL);
        assertThat(Factor.ofPackCredentialType(SsprCredentialTypes.SECURITY_QUESTIONS))
                .contains(Factor.SECURITY_QUESTIONS);
    }

    @Test
    void keycloaksOwnCredentialTypesAreNotThePacksToManage() {
        assertThat(Factor.ofPackCredentialType("otp")).isEmpty();
        assertThat(Factor.ofPackCredentialType("webauthn-passwordless")).isEmpty();
        assertThat(Factor.ofPackCredentialType("password")).isEmpty();
    }

    /** The ids are kept in authentication-session notes: a node of the next release must read them. */
    @Test
    void idsAreStableAndDistinct() {
        assertThat(Arrays.stream(Factor.values()).map(Factor::id)).containsExactly("alternate-email", "mobile-phone",
                "office-phone", "authenticator-app", "passkey", "security-questions", "account-email",
                "temporary-access-pass");
    }

    @Test
    void aTemporaryAccessPassAloneIsEnoughAndOtherwiseDistinctFactorsCount() {
        assertThat(Factor.enough(java.util.List.of("temporary-access-pass"), 2)).isTrue();
        assertThat(Factor.enough(java.util.List.of("mobile-phone"), 2)).isFalse();
        assertThat(Factor.enough(java.util.List.of("mobile-phone", "alternate-email"), 2)).isTrue();
    }
}
