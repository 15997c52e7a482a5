package io.github.keycloaksspr.core.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void lowerCasesTheDomainOnly() {
        assertThat(EmailAddresses.normalize(" Jane.Doe+sspr@Mail.Example.COM\n")).isEqualTo("Jane.Doe+sspr@mail.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.org", "j@ex-ample.co.uk", "jane.doe+tag@sub.example.org", "jörg@müller.de"})
    void acceptsPlainAddresses(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "jane", "@example.org", "jane@", "jane@localhost", "jane@@example.org", "ja ne@example.org",
            "\"jane doe\"@example.org", "jane@[192.168.0.1]", "jane@-example.org", "jane@example..org",
            "jane..doe@example.org", ".jane@example.org", "jane@example.org.", "jane@exa_mple.org",
            "jane@example.org\r\nBcc: x@example.org", "jane,joe@example.org", "jane<x>@example.org"})
    void rejectsOddAddresses(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @Test
    void rejectsOverlongParts() {
        assertThat(EmailAddresses.isValid("a".repeat(65) + "@example.org")).isFalse();
        assertThat(EmailAddresses.isValid("jane@" + "a".repeat(64) + ".org")).isFalse();
        assertThat(EmailAddresses.isValid("jane@" + "a.".repeat(125) + "org")).isFalse();
        assertThat(EmailAddresses.isValid(null)).isFalse();
    }
}
