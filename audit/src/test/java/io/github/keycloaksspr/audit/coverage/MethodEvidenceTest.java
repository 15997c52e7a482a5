package io.github.keycloaksspr.audit.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.RegistrationEvidence;
import org.junit.jupiter.api.Test;

class MethodEvidenceTest {

    private final MethodEvidence methods = methods();

    @Test
    void smsAndCallToTheSamePhoneAreOneFactor() {
        assertThat(methods.factorsOf(List.of("sspr-sms", "sspr-voice"))).containsExactly(Factor.MOBILE_PHONE);
        assertThat(methods.credentialTypesByFactor()).containsExactly(
                entry(Factor.MOBILE_PHONE, Set.of("sspr-mobile-phone")),
                entry(Factor.AUTHENTICATOR_APP, Set.of("otp")),
                entry(Factor.PASSKEY, Set.of("webauthn-passwordless", "webauthn")));
        assertThat(methods.attributesByFactor()).containsExactly(entry(Factor.OFFICE_PHONE, Set.of("telephoneNumber")));
    }

    @Test
    void onlyKeycloaksOwnCredentialsNeedVetting() {
        assertThat(methods.vettedTypes()).containsExactly("otp", "webauthn-passwordless", "webauthn");
        assertThat(methods.credentialTypes()).contains("sspr-mobile-phone");
    }

    @Test
    void anUnknownMethodHasNoFactorAndIsLeftOutOfAList() {
        assertThatThrownBy(() -> methods.factorOf("sspr-email")).isInstanceOf(IllegalArgumentException.class);
        assertThat(methods.factorsOf(List.of("sspr-email", "sspr-totp"))).containsExactly(Factor.AUTHENTICATOR_APP);
    }

    @Test
    void aUsersRowHasOneFlagPerFactorKeycloaksOwnCredentialsOnlyWhenVettedAndAJoinPerAttribute() {
        RegisteredFactors factors = new RegisteredFactors("realm-1", false, methods);

        Hql from = factors.from(Hql.of(""));

        assertThat(from.text()).startsWith("from UserEntity u left join SsprUserState st on st.userId = u.id"
                        + " left join CredentialEntity c on c.user = u")
                .contains(" left join SsprVettedCredential vi on vi.credentialId = c.id")
                .contains(") a0 on a0.uid = u.id").doesNotContain("realm-1");
        assertThat(from.parameters()).containsEntry("realm", "realm-1")
                .containsEntry("factor0", List.of("sspr-mobile-phone")).containsEntry("factor1", List.of("otp"))
                .containsEntry("attributes0", List.of("telephoneNumber"));
        assertThat(factors.count(List.of(Factor.MOBILE_PHONE, Factor.OFFICE_PHONE, Factor.SECURITY_QUESTIONS)))
                .isEqualTo("(max(case when c.type in (:factor0) then 1 else 0 end)"
                        + " + case when a0.uid is null then 0 else 1 end + 0)");
        assertThat(factors.flag(Factor.AUTHENTICATOR_APP)).startsWith("max(case when c.type in (:factor1) and ((st.vettedUntil is null");
        assertThat(factors.groupBy(List.of("tscope.uid"))).isEqualTo(" group by u.id, u.username, st.confirmedAt, a0.uid, tscope.uid");
    }

    @Test
    void evidenceIsEitherCredentialsOrAnAttribute() {
        assertThatThrownBy(() -> new RegistrationEvidence(List.of("otp"), true, "telephoneNumber"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RegistrationEvidence(List.of(), false, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MethodEvidence methods() {
        Map<String, RegistrationEvidence> evidence = new LinkedHashMap<>();
        Map<String, Factor> factors = new LinkedHashMap<>();
        evidence.put("sspr-sms", RegistrationEvidence.packCredential("sspr-mobile-phone"));
        factors.put("sspr-sms", Factor.MOBILE_PHONE);
        evidence.put("sspr-voice", RegistrationEvidence.packCredential("sspr-mobile-phone"));
        factors.put("sspr-voice", Factor.MOBILE_PHONE);
        evidence.put("sspr-totp", RegistrationEvidence.keycloakCredentials(List.of("otp")));
        factors.put("sspr-totp", Factor.AUTHENTICATOR_APP);
        evidence.put("sspr-passkey", RegistrationEvidence.keycloakCredentials(List.of("webauthn-passwordless",
                "webauthn")));
        factors.put("sspr-passkey", Factor.PASSKEY);
        evidence.put("sspr-office-phone", RegistrationEvidence.attribute("telephoneNumber"));
        factors.put("sspr-office-phone", Factor.OFFICE_PHONE);
        return new MethodEvidence(evidence, factors);
    }
}
