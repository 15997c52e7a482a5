package io.github.keycloaksspr.core.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpiringPasswordsTest {

    @Test
    void fileTimesAreTheDigitsAdWritesAndCompareAsText() {
        // 2026-12-06T00:00:00Z as AD writes it in msDS-UserPasswordExpiryTimeComputed.
        assertThat(ExpiringPasswords.fileTime(1_796_515_200_000L)).isEqualTo("134409888000000000");
        assertThat(ExpiringPasswords.fileTime(1_796_515_200_000L)).hasSize(18)
                .isLessThan(ExpiringPasswords.fileTime(1_796_515_200_001L))
                .as("'never expires' is outside every range").isLessThan("9223372036854775807");
    }
}
