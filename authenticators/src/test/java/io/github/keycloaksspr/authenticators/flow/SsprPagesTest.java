package io.github.keycloaksspr.authenticators.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.junit.jupiter.api.Test;

class SsprPagesTest {

    @Test
    void everyMethodHasALabelKeyInTheThemesNamingScheme() {
        assertThat(SsprMethodIds.ALL.stream().map(SsprPages::labelKey)).containsExactly(
                "ssprMethodEmailLabel", "ssprMethodSmsLabel", "ssprMethodVoiceLabel", "ssprMethodOfficePhoneLabel",
                "ssprMethodTotpLabel", "ssprMethodPasskeyLabel", "ssprMethodQuestionsLabel");
    }
}
