package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.phone.PhoneCheck.Refusal;
import io.github.keycloaksspr.core.policy.PhoneRules;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    private static final PhoneRules ANY_COUNTRY = PhoneRules.DEFAULTS;
    private static final PhoneRules GERMANY = new PhoneRules(Optional.of("DE"), Set.of(), 1000);

    @Test
    void recognisesTheE164Form() {
        assertThat(PhoneNumbers.isE164("+4915112345678")).isTrue();
        assertThat(PhoneNumbers.isE164("+1234567890123456")).isFalse();
        assertThat(PhoneNumbers.isE164("+49 151 12345678")).isFalse();
        assertThat(PhoneNumbers.isE164(null)).isFalse();
    }

    @Test
    void readsWhatPeopleTypeIntoE164() {
        assertThat(check("+49 (151) 123-45678", ANY_COUNTRY)).isEqualTo("+4915112345678");
        assertThat(check("0049 151 12345678", ANY_COUNTRY)).isEqualTo("+4915112345678");
        assertThat(check("0151 12345678", GERMANY)).isEqualTo("+4915112345678");
        assertThat(check("030 1234567", GERMANY)).as("a landline answers calls").isEqualTo("+49301234567");
    }

    @Test
    void aNationalNumberNeedsTheDefaultRegion() {
        assertThat(refusal("0151 12345678", ANY_COUNTRY)).isEqualTo(Refusal.NATIONAL_WITHOUT_REGION);
    }

    @Test
    void premiumRateSharedCostAndPersonalNumbersAreNeverTextedOrCalled() {
        assertThat(refusal("+49 900 1234567", ANY_COUNTRY)).as("German premium rate").isEqualTo(Refusal.KIND_NOT_ALLOWED);
        assertThat(refusal("+49 180 1234567", ANY_COUNTRY)).as("German shared cost").isEqualTo(Refusal.KIND_NOT_ALLOWED);
        assertThat(refusal("+44 70 1234 5678", ANY_COUNTRY)).as("UK personal number").isEqualTo(Refusal.KIND_NOT_ALLOWED);
        assertThat(refusal("+1 900 555 0100", ANY_COUNTRY)).as("US premium rate").isEqualTo(Refusal.KIND_NOT_ALLOWED);
    }

    @Test
    void onlyTheAllowedCountriesAreReached() {
        assertThat(refusal("+44 7400 123456", GERMANY)).as("the default region only").isEqualTo(Refusal.COUNTRY_NOT_ALLOWED);
        PhoneRules dach = new PhoneRules(Optional.of("DE"), Set.of(49, 43, 41), 1000);
        assertThat(check("+43 664 1234567", dach)).isEqualTo("+436641234567");
        assertThat(refusal("+33 6 12 34 56 78", dach)).isEqualTo(Refusal.COUNTRY_NOT_ALLOWED);
        assertThat(check("+44 7400 123456", ANY_COUNTRY)).as("no region, no list: any country").isEqualTo("+447400123456");
    }

    @Test
    void numbersOutsideEveryPlanAreInvalid() {
        assertThat(refusal("+49 123", ANY_COUNTRY)).isEqualTo(Refusal.INVALID);
        assertThat(refusal("call me", GERMANY)).isEqualTo(Refusal.INVALID);
        assertThat(refusal("+1 555 010 0001", ANY_COUNTRY)).as("no US area code 555").isEqualTo(Refusal.INVALID);
        assertThat(refusal("", GERMANY)).isEqualTo(Refusal.INVALID);
        assertThat(refusal("1".repeat(41), GERMANY)).isEqualTo(Refusal.INVALID);
    }

    private static String check(String typed, PhoneRules rules) {
        PhoneCheck check = PhoneNumbers.check(typed, rules);
        assertThat(check.refusal()).as(typed).isEmpty();
        return check.e164().orElseThrow();
    }

    private static Refusal refusal(String typed, PhoneRules rules) {
        return PhoneNumbers.check(typed, rules).refusal().orElseThrow(() -> new AssertionError(typed + " accepted"));
    }
}
