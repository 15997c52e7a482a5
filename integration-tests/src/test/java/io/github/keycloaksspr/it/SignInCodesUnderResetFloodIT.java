package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprMfaRealm;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

/**
 * Anonymous "Forgot password?" traffic against a user's phone: it spends the reset flow's budgets, never the user's
 * sign-in codes, and a realm-wide ceiling caps what texts and calls cost.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class SignInCodesUnderResetFloodIT {

    static final String PASSWORD = "Flood-Passw0rd!";
    static final String MONA = "mona";
    static final String MONA_PHONE = "+4917000000301";
    static final String MONA_ALTERNATE = "mona.home@example.net";
    static final String TOO_MANY_CODES = "Too many codes were requested";

    @InjectRealm(config = FloodRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void anonymousResetRequestsExhaustingTheBudgetDoNotStopTheUsersSignInCode() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            // A stranger asks for Mona's reset SMS from fresh sessions until the reset budget says no.
            String page = "";
            for (int i = 0; i < 4; i++) {
                page = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(MONA)
                        .selectMethod("sspr-sms").html();
            }
            assertThat(page).contains(TOO_MANY_CODES);
            assertThat(twilio.twilio().awaitRequests(3, Duration.ofSeconds(10))).hasSize(3);

            // Mona signs in: her sign-in code still comes, and it signs her in.
            FormBrowser browser = new FormBrowser().open(SsprMfaRealm.loginUrl(urls.getBase(), realm.getName()));
            browser.submit(Map.of("username", MONA, "password", PASSWORD));
            assertThat(browser.textOf("sspr-page-title")).isEqualTo("Enter the code from your text message");
            assertThat(browser.html()).doesNotContain(TOO_MANY_CODES);
            String code = Codes.in(twilio.twilio().awaitRequests(4, Duration.ofSeconds(10)).get(3).body());
            assertThat(twilio.twilio().requests().get(3).to()).isEqualTo(MONA_PHONE);
            browser.submit(Map.of("code", code));
            assertThat(browser.url()).startsWith(SsprResetRealm.REDIRECT_URI).contains("code=");
        }
    }

    @Test
    void theRealmsPhoneCeilingPausesTextsAndEmailGoesOn() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.budget.phone.per.realm", "1", "sspr.budget.window.minutes", "5"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney first = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount("pia")
                    .selectMethod("sspr-sms");
            assertThat(first.html()).doesNotContain("paused");
            assertThat(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10))).hasSize(1);

            ResetJourney second = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount("ralf")
                    .selectMethod("sspr-sms");
            assertThat(second.html()).contains("Text messages and calls are paused for now");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("nothing more was texted").hasSize(1);

            second.selectMethod("sspr-email");
            assertThat(second.instruction()).contains("r\u2022\u2022\u2022@\u2022\u2022\u2022");
            assertThat(mailServer.waitForIncomingEmail(15_000, 1)).as("email goes on").isTrue();
        }
    }

    public static final class FloodRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprMfaRealm.addTo(SsprResetRealm.configure(realm.name("sspr-flood"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000",
                            "sspr.budget.sends.per.destination", "3",
                            "sspr.budget.sends.per.user", "5")))
                    .users(user(MONA, MONA_PHONE, MONA_ALTERNATE),
                            user("pia", "+4917000000302", "pia.home@example.net"),
                            user("ralf", "+4917000000303", "ralf.home@example.net"));
        }

        private static UserBuilder user(String name, String phone, String alternate) {
            return UserBuilder.create(name).email(name + "@flood.example").emailVerified(true).name(name, "Flood")
                    .password(PASSWORD).enabled(true).credential(SeededCredentials.mobilePhone(phone))
                    .credential(SeededCredentials.alternateEmail(alternate));
        }
    }
}
