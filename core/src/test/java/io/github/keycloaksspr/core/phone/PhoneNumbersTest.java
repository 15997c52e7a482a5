package io.github.keycloaksspr.core.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void recognisesE164() {
        assertThat(PhoneNumbers.isE164("+4915112345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+123456789012345")).isTrue();
        assertThat(PhoneNumbers.isE164("+1234567890123456")).isFalse();
        assertThat(PhoneNumbers.isE164("004915112345678")).isFalse();
        assertThat(PhoneNumbers.isE164("+49 151 12345678")).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }

    @Test
    void masksAllButTheEnds() {
        assertThat(PhoneNumbers.mask("+4915112345678")).isEqualTo("+49*********78");
        assertThat(PhoneNumbers.mask("+12345")).isEqualTo("+*****");
        assertThat(PhoneNumbers.mask("not a number")).doesNotContain("not a number");
    }
}
