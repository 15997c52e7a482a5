package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
    void cleansWhatPeopleTypeWithoutJudgingIt() {
        assertThat(PhoneNumbers.clean("0049 (151) 123-45.678")).isEqualTo("+4915112345678");
        assertThat(PhoneNumbers.clean("+49/151 12345678")).isEqualTo("+4915112345678");
        assertThat(PhoneNumbers.clean("0151 12345678")).isEqualTo("015112345678");
        assertThat(PhoneNumbers.clean(null)).isEmpty();
    }
}
