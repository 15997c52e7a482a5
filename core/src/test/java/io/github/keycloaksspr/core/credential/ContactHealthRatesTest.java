package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class ContactHealthRatesTest {

    private final RealmModel realm = Proxies.of(RealmModel.class, Map.of("getAttribute", a ->
            ContactHealthRates.ATTRIBUTE.equals(a[0]) ? "sspr-mobile-phone:invalid_number:30000,"
                    + "sspr-mobile-phone:not_mobile:10000,sspr-alternate-email:mailbox_refused:5000" : null));

    @Test
    void aDrawFallsOnEachReasonAsOftenAsTheRealmsContactsHaveItAndOnNoneOtherwise() {
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.MOBILE_PHONE, 0)).contains("invalid_number");
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.MOBILE_PHONE, 29_999)).contains("invalid_number");
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.MOBILE_PHONE, 30_000)).contains("not_mobile");
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.MOBILE_PHONE, 40_000)).isEmpty();
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.ALTERNATE_EMAIL, 4_999)).contains("mailbox_refused");
        assertThat(ContactHealthRates.draw(realm, SsprCredentialTypes.ALTERNATE_EMAIL, 5_000)).isEmpty();
    }

    @Test
    void aFabricatedMarkReadsLikeAStoredOne() {
        long since = System.currentTimeMillis() - 86_400_000L;
        MobilePhoneCredentialModel phone = ContactHealth.fabricated(MobilePhoneCredentialModel.createFor("+4917000000001"),
                "invalid_number", since);
        assertThat(ContactHealth.of(phone)).contains(new ContactHealth.Unreachable(since, "invalid_number"));
        ContactHealth.fabricated(phone, "invalid_number", since - ContactHealth.MARK_DAYS * 86_400_000L);
        assertThat(ContactHealth.of(phone)).as("a mark lapses after 30 days").isEmpty();
        assertThat(MobilePhoneCredentialModel.createFromCredentialModel(phone).number()).isEqualTo("+4917000000001");
    }
}
