package io.github.keycloaksspr.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OriginBoundCodeTest {

    @Test
    void theLineIsTheWebOtpFormatForTheHost() {
        assertThat(OriginBoundCode.line("login.example.org", "482913")).isEqualTo("@login.example.org #482913");
    }

    @Test
    void withoutARequestTheTextStaysAsItIs() {
        assertThat(OriginBoundCode.appendTo("Your code is 482913.", null, "482913")).isEqualTo("Your code is 482913.");
    }
}
