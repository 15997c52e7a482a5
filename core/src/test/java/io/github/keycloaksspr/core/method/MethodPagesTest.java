package io.github.keycloaksspr.core.method;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.junit.jupiter.api.Test;

class MethodPagesTest {

    @Test
    void everyMethodHasALabelKeyInTheThemesNamingScheme() {
        assertThat(SsprMethodIds.ALL.stream().map(MethodPages::labelKey)).containsExactly(
                "ssprMethodEmailLabel", "ssprMethodSmsLabel", "ssprMethodVoiceLabel", "ssprMethodOfficePhoneLabel",
                "ssprMethodTotpLabel", "ssprMethodPasskeyLabel", "ssprMethodQuestionsLabel");
    }
}
