package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class SecurityInfoTest {

    @Test
    void countsDistinctFactorsAgainstTheRequirement() {
        assertThat(SecurityInfo.inScope(2, Set.of("mobile-phone")).missing()).isTrue();
        assertThat(SecurityInfo.inScope(2, Set.of("mobile-phone", "alternate-email")).missing()).isFalse();
        assertThat(SecurityInfo.inScope(1, Set.of("mobile-phone")).registered()).isEqualTo(1);
    }

    @Test
    void removingTheLastCredentialOfACountedFactorBelowTheRequirementIsRefused() {
        SecurityInfo exactlyEnough = SecurityInfo.inScope(2, Set.of("mobile-phone", "alternate-email"));
        assertThat(exactlyEnough.removalLeavesTooFew("alternate-email")).isTrue();

        SecurityInfo spare = SecurityInfo.inScope(2, Set.of("mobile-phone", "alternate-email", "authenticator-app"));
        assertThat(spare.removalLeavesTooFew("alternate-email")).isFalse();

        // A factor that does not count (security questions for an administrator) never blocks its removal by count.
        assertThat(SecurityInfo.inScope(1, Set.of("mobile-phone")).removalLeavesTooFew("alternate-email")).isFalse();
    }
}
