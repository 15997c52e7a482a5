package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.credential.ContactHealth;
import io.github.keycloaksspr.core.credential.MobilePhoneCredentialModel;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The reset's method list shows a phone that bounced for good as "Not available", and a stranger typing names sees
 * it about as often for names that cannot reset as for real accounts: 6 of the realm's 20 phones are marked, the
 * audit upkeep (every minute in the test server) counts 30 % for the realm, and the made-up names that have a phone
 * (of 120) show it marked at that rate (a binomial draw: the bounds are 3.6 standard deviations wide).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ContactHealthParityIT {

    static final String REALM = "sspr-contact-parity";
    static final int USERS = 20;
    static final int MARKED = 6;
    static final int STRANGERS = 120;
    static final String UNAVAILABLE = "Not available: the number does not exist.";

    @InjectRealm(config = ParityRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void strangersSeeMarkedPhonesAboutAsOftenAsRealAccountsHaveThem() throws Exception {
        awaitRealmRate();

        int realMarked = 0;
        String realPage = null;
        for (int i = 0; i < USERS; i++) {
            ResetJourney journey = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(name(i));
            assertThat(journey.pageTitle()).isEqualTo("Verify your identity");
            if (journey.html().contains(UNAVAILABLE)) {
                realMarked++;
                realPage = journey.html();
            }
        }
        assertThat(realMarked).as("the marked accounts, and only they").isEqualTo(MARKED);
        assertThat(realPage).contains("id=\"sspr-method-sspr-sms-unavailable\"").contains("disabled");

        // A made-up name has a phone as often as the decoy model draws it; among those that have one, the phone is
        // marked at the realm's rate. One whose only method is a marked phone ends as a real account would: nothing
        // left to prove with.
        int withPhone = 0;
        int strangersMarked = 0;
        String strangerPage = null;
        for (int i = 0; i < STRANGERS; i++) {
            ResetJourney journey = new ResetJourney(urls.getBase(), REALM).start()
                    .chooseAccount(String.format(Locale.ROOT, "made-up-%03d", i));
            String html = journey.html();
            if ("Verify your identity".equals(journey.pageTitle())) {
                withPhone += html.contains("id=\"sspr-method-sspr-sms\"") ? 1 : 0;
                if (html.contains(UNAVAILABLE)) {
                    strangersMarked++;
                    strangerPage = html;
                }
            } else {
                assertThat(journey.pageTitle()).as("nothing left: its only method, a phone, is marked")
                        .isEqualTo("Sign in to your account");
                withPhone++;
                strangersMarked++;
            }
        }
        double rate = (double) strangersMarked / withPhone;
        double allowance = 3.6 * Math.sqrt(0.3 * 0.7 / withPhone);
        System.out.printf(Locale.ROOT, "contact health parity: %d of %d real accounts, %d of %d made-up names with a"
                + " phone show it marked (%.1f %%, allowed 30 %% +/- %.1f)%n", realMarked, USERS, strangersMarked,
                withPhone, rate * 100, allowance * 100);
        assertThat(withPhone).as("made-up names with a phone").isGreaterThan(STRANGERS / 2);
        assertThat(rate).as("marked as often as the realm's phones").isBetween(0.3 - allowance, 0.3 + allowance);
        assertThat(strangerPage).contains("id=\"sspr-method-sspr-sms-unavailable\"").contains("disabled");
    }

    /** The upkeep counts the realm's marks (it runs every minute in the test server). */
    private void awaitRealmRate() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 150_000;
        String rates = null;
        while (System.currentTimeMillis() < deadline) {
            Map<String, String> attributes = realm.admin().toRepresentation().getAttributes();
            rates = attributes == null ? null : attributes.get("sspr.contactHealth.rates");
            if (rates != null) {
                break;
            }
            Thread.sleep(1_000);
        }
        assertThat(rates).as("the realm's rate of marked phones").isEqualTo("sspr-mobile-phone:invalid_number:30000");
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "parity-%02d", i);
    }

    public static final class ParityRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            List<UserBuilder> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String phone = String.format(Locale.ROOT, "+49170000009%02d", i);
                MobilePhoneCredentialModel model = MobilePhoneCredentialModel.createFor(phone);
                if (i < MARKED) {
                    ContactHealth.fabricated(model, "invalid_number", System.currentTimeMillis() - 86_400_000L);
                }
                users.add(UserBuilder.create(name(i)).email(name(i) + "@example.org").emailVerified(true)
                        .name("Parity", "User").password("Parity-Passw0rd-" + i).enabled(true)
                        .realmRoles("default-roles-" + REALM)
                        .credential(SeededCredentials.representation(model))
                        .credential(SeededCredentials.alternateEmail(name(i) + ".home@example.net")));
            }
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000"))
                    .users(users.toArray(new UserBuilder[0]));
        }
    }
}
