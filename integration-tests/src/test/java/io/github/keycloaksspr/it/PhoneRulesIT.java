package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/** Against SMS toll fraud: which numbers are texted and called, read with every country's numbering plan. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class PhoneRulesIT {

    static final String PASSWORD = "Phone-Passw0rd!";
    static final String NORA = "nora";
    static final String OLAF = "olaf";
    static final String OLAF_MOBILE = "+4917000000311";

    @InjectRealm(config = PhoneRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void registrationRefusesPremiumForeignAndUnreadableNationalNumbersAndStoresTheRestInE164() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            FormBrowser browser = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), NORA, PASSWORD);
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Keep your account recoverable");

            browser.submit(Map.of("action", "add-phone", "phone", "+49 900 1234567"));
            assertThat(browser.html()).contains("premium-rate, shared-cost and personal numbers are never texted");
            browser.submit(Map.of("action", "add-phone", "phone", "0151 23456789"));
            assertThat(browser.html()).as("no default region").contains("This looks like a national number");

            ResetPolicy.set(realm, Map.of("sspr.phone.region", "DE"));
            browser.submit(Map.of("action", "add-phone", "phone", "+44 7400 123456"));
            assertThat(browser.html()).as("only Germany by default")
                    .contains("Numbers of this country cannot be used here");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("nothing was texted").isEmpty();

            browser.submit(Map.of("action", "add-phone", "phone", "0151 23456789"));
            String code = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
            assertThat(twilio.twilio().requests().get(0).to()).isEqualTo("+4915123456789");
            browser.submit(Map.of("action", "verify", "code", code));
            assertThat(browser.html()).contains("The method has been added.");
        }
        List<CredentialRepresentation> phones = RegistrationAdmin.credentials(realm, NORA).stream()
                .filter(c -> "sspr-mobile-phone".equals(c.getType())).toList();
        assertThat(phones).singleElement().satisfies(c -> assertThat(c.getCredentialData())
                .contains("\"+4915123456789\""));
    }

    /** Olaf's directory lists his mobile as his office phone: calling it proves nothing the SMS did not. */
    @Test
    void anOfficePhoneThatIsTheMobileDoesNotCountTwice() throws Exception {
        UPConfig original = realm.admin().users().userProfile().getConfiguration();
        UPConfig adminEdit = realm.admin().users().userProfile().getConfiguration();
        adminEdit.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        realm.admin().users().userProfile().update(adminEdit);
        realm.cleanup().add(r -> r.users().userProfile().update(original));
        UserRepresentation olaf = realm.admin().users().searchByUsername(OLAF, true).get(0);
        olaf.setAttributes(Map.of("telephoneNumber", List.of("+49 (170) 000-00311")));
        realm.admin().users().get(olaf.getId()).update(olaf);

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(OLAF);
            assertThat(journey.html()).contains("sspr-method-sspr-sms").contains("sspr-method-sspr-office-phone")
                    .contains("sspr-method-sspr-email");
            journey.selectMethod("sspr-sms");
            journey.enterCode(Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body()));

            // Only the email is left (the office phone is the proven mobile): its code page comes at once.
            assertThat(journey.pageTitle()).startsWith("Enter the code we emailed to ");
            assertThat(journey.html()).contains("Verification step 2 of 2")
                    .doesNotContain("sspr-method-sspr-office-phone");
        }
    }

    public static final class PhoneRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-phone-rules"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-office-phone##sspr-email",
                            "sspr.methods.required", "2",
                            "sspr.captcha.difficulty", "1000"))
                    .users(UserBuilder.create(NORA).email("nora@phone.example").emailVerified(true)
                                    .name("Nora", "Phone").password(PASSWORD).enabled(true),
                            UserBuilder.create(OLAF).email("olaf@phone.example").emailVerified(true)
                                    .name("Olaf", "Phone").password(PASSWORD).enabled(true)
                                    .credential(SeededCredentials.mobilePhone(OLAF_MOBILE))
                                    .credential(SeededCredentials.alternateEmail("olaf.home@example.net")));
        }
    }
}
