package io.github.keycloaksspr.core.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void aPhoneNumberShowsOnlyItsCountryCodeAndLastTwoDigits() {
        assertThat(Masking.phone("+4915112345678")).isEqualTo("+49 \u2022\u2022\u2022 \u2022\u2022 78")
                .doesNotContain("1511").doesNotContain("345");
    }

    @Test
    void anEmailAddressShowsItsFirstLetterAndDomain() {
        assertThat(Masking.email("maria.private@example.net")).as("a domain that points at its owner")
                .isEqualTo("m\u2022\u2022\u2022@\u2022\u2022\u2022");
        assertThat(Masking.email("maria.private@GMail.com")).isEqualTo("m\u2022\u2022\u2022@gmail.com");
    }

    @Test
    void malformedValuesRevealNothing() {
        assertThat(Masking.phone("+12015550123")).as("the calling code, not the area code")
                .isEqualTo("+1 \u2022\u2022\u2022 \u2022\u2022 23");
        assertThat(Masking.phone("+12")).isEqualTo("\u2022\u2022\u2022");
        assertThat(Masking.phone(null)).isEqualTo("\u2022\u2022\u2022");
        assertThat(Masking.email("no-at-sign")).isEqualTo("\u2022\u2022\u2022");
        assertThat(Masking.email("@example.net")).isEqualTo("\u2022\u2022\u2022");
    }
}
