package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import io.github.keycloaksspr.core.method.Factor;
import org.junit.jupiter.api.Test;

class SecurityInfoTest {

    @Test
    void countsDistinctFactorsAgainstTheRequirement() {
        assertThat(SecurityInfo.inScope(2, Set.of(Factor.MOBILE_PHONE)).missing()).isTrue();
        assertThat(SecurityInfo.inScope(2, Set.of(Factor.MOBILE_PHONE, Factor.ALTERNATE_EMAIL)).missing()).isFalse();
        assertThat(SecurityInfo.inScope(1, Set.of(Factor.MOBILE_PHONE)).registered()).isEqualTo(1);
    }

    @Test
    void removingTheLastCredentialOfACountedFactorBelowTheRequirementIsRefused() {
        SecurityInfo exactlyEnough = SecurityInfo.inScope(2, Set.of(Factor.MOBILE_PHONE, Factor.ALTERNATE_EMAIL));
        assertThat(exactlyEnough.removalLeavesTooFew(Factor.ALTERNATE_EMAIL)).isTrue();

        SecurityInfo spare = SecurityInfo.inScope(2, Set.of(Factor.MOBILE_PHONE, Factor.ALTERNATE_EMAIL, Factor.AUTHENTICATOR_APP));
        assertThat(spare.removalLeavesTooFew(Factor.ALTERNATE_EMAIL)).isFalse();

        // A factor that does not count (security questions for an administrator) never blocks its removal by count.
        assertThat(SecurityInfo.inScope(1, Set.of(Factor.MOBILE_PHONE)).removalLeavesTooFew(Factor.ALTERNATE_EMAIL)).isFalse();
    }
}
