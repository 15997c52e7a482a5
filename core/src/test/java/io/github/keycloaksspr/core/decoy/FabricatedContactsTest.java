package io.github.keycloaksspr.core.decoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.core.email.EmailAddresses;
import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.phone.PhoneNumbers;
import io.github.keycloaksspr.core.policy.PhoneRules;
import org.junit.jupiter.api.Test;

/** A stand-in's phone numbers and addresses: of the shape a registered user's have, accepted by the realm's rules. */
class FabricatedContactsTest {

    private static final byte[] REALM_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void numbersAreValidPersonalNumbersOfTheDefaultRegionThatTheRulesAccept() {
        PhoneRules germany = new PhoneRules(Optional.of("DE"), Set.of(), 1000);
        for (int i = 0; i < 200; i++) {
            String number = FabricatedContacts.phoneNumber(germany, StandInSeed.of(REALM_KEY, "name-" + i));

            assertThat(PhoneNumbers.check(number, germany).e164()).as(number).contains(number);
            assertThat(Masking.phone(number)).startsWith("+49 ");
        }
    }

    @Test
    void withoutRegionOrCountriesEveryNumberIsAValidPersonalNumberToo() {
        for (int i = 0; i < 1000; i++) {
            String number = FabricatedContacts.phoneNumber(PhoneRules.DEFAULTS, StandInSeed.of(REALM_KEY, "x" + i));

            assertThat(PhoneNumbers.check(number, PhoneRules.DEFAULTS).e164()).as(number).contains(number);
            assertThat(MobilePhoneCredentialModel.createFor(number).number()).isEqualTo(number);
        }
    }

    @Test
    void numbersComeFromTheAllowedCountriesEvenWhenTheDefaultRegionIsNotOne() {
        PhoneRules onlyFranceAndSpain = new PhoneRules(Optional.of("DE"), Set.of(33, 34), 1000);
        for (int i = 0; i < 100; i++) {
            String number = FabricatedContacts.phoneNumber(onlyFranceAndSpain, StandInSeed.of(REALM_KEY, "n" + i));

            assertThat(PhoneNumbers.check(number, onlyFranceAndSpain).e164()).as(number).contains(number);
        }
    }

    @Test
    void theSameNameGetsTheSameNumberAndAddress() {
        PhoneRules rules = PhoneRules.DEFAULTS;
        assertThat(FabricatedContacts.phoneNumber(rules, StandInSeed.of(REALM_KEY, "nina")))
                .isEqualTo(FabricatedContacts.phoneNumber(rules, StandInSeed.of(REALM_KEY, "nina")));
        assertThat(FabricatedContacts.mailAddress(StandInSeed.of(REALM_KEY, "nina")))
                .isEqualTo(FabricatedContacts.mailAddress(StandInSeed.of(REALM_KEY, "nina")))
                .matches("[a-z][a-z0-9]{2,7}([._-][a-z]{2,7})?@[a-z.-]+");
    }

    @Test
    void everyAddressIsOneThePacksOwnCheckAccepts() {
        for (int i = 0; i < 5000; i++) {
            String address = FabricatedContacts.mailAddress(StandInSeed.of(REALM_KEY, "name-" + i));

            assertThat(EmailAddresses.normalize(address)).as(address).isEqualTo(address);
        }
    }
}
