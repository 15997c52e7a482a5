package io.github.keycloaksspr.authenticators.methods;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import io.github.keycloaksspr.core.delivery.PhoneCodeDelivery;
import io.github.keycloaksspr.core.method.Factor;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.junit.jupiter.api.Test;

/** A text and a call to the mobile phone are one method each, and one factor: proving both counts once. */
class MobilePhoneCodeMethodTest {

    private final List<SsprMethod> methods = ServiceLoader.load(SsprMethodFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(factory -> factory.getClass().getName().startsWith("io.github.keycloaksspr.")).map(factory -> factory.create(null)).toList();

    @Test
    void everyMethodIdTheConsoleOffersHasExactlyOneMethodAndTheHelpDesksTwoBesides() {
        List<String> ids = new java.util.ArrayList<>(SsprMethodIds.ALL);
        ids.addAll(List.of(SsprMethodIds.TEMPORARY_ACCESS_PASS, SsprMethodIds.ACCOUNT_EMAIL));
        assertThat(methods).extracting(SsprMethod::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(SsprMethodIds.ALL).as("never a policy choice")
                .doesNotContain(SsprMethodIds.TEMPORARY_ACCESS_PASS, SsprMethodIds.ACCOUNT_EMAIL);
    }

    @Test
    void smsAndVoiceReachTheSamePhoneEachOverItsOwnChannel() {
        MobilePhoneCodeMethod sms = method(SsprMethodIds.SMS);
        MobilePhoneCodeMethod voice = method(SsprMethodIds.VOICE);

        assertThat(sms.factor()).isEqualTo(voice.factor()).isEqualTo(Factor.MOBILE_PHONE);
        assertThat(sms.evidence()).isEqualTo(voice.evidence());
        assertThat(sms.delivery()).isEqualTo(PhoneCodeDelivery.SMS);
        assertThat(voice.delivery()).isEqualTo(PhoneCodeDelivery.VOICE);
        assertThat(sms.instructionKey()).isEqualTo("ssprMethodSmsInstruction");
        assertThat(voice.instructionKey()).isEqualTo("ssprMethodVoiceInstruction");
        assertThat(sms.allowedForAdmins()).isTrue();
        assertThat(voice.allowedForAdmins()).isTrue();
    }

    private MobilePhoneCodeMethod method(String id) {
        return (MobilePhoneCodeMethod) methods.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }
}
