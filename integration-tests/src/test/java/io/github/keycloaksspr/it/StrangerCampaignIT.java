package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SourceAddressForwarder;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.StandInNames;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.Totp;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import jakarta.mail.internet.MimeMessage;
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
 * A stranger tries to starve or silently block a victim. (a) From an address of their own (a second loopback
 * address: the server sees it as the connection's, no header), they spend that address's send budget on made-up
 * names and then ask for the victim's text: refused, and the victim's own request from elsewhere still gets its code
 * (the destination allows one text: a refused request must not have spent it). (b) Five anonymous wrong answers
 * block the victim's reset: the owner is told at every contact, and signed in can still prove a method and manage
 * their security info, even by a code to the address whose reset budget the stranger spent.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class StrangerCampaignIT {

    static final String PASSWORD = "Stranger-Passw0rd!";
    static final String VERA = "vera.victim";
    static final String VERA_PHONE = "+4917000000061";
    static final String OLGA = "olga.owner";
    static final String OLGA_SECRET = "stranger-campaign-totp-01";
    static final String BLOCKED = "Too many attempts: self-service password reset is blocked";
    static final String TOO_MANY_CODES = "Too many codes were requested";
    static final int ATTEMPTS = 5;
    static final int SENDS_PER_ADDRESS = 3;

    @InjectRealm(config = CampaignRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aStrangersSpentAddressBudgetDoesNotStarveTheVictim() throws Exception {
        int serverPort = URI.create(urls.getBase()).getPort();
        try (SourceAddressForwarder stranger = SourceAddressForwarder.from("127.0.0.5", serverPort);
             TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            for (int i = 0; i < SENDS_PER_ADDRESS; i++) {
                String madeUp = StandInNames.offering(() -> journeyFrom(stranger), "made-up-" + i, "sspr-sms");
                ResetJourney spending = journeyFrom(stranger).chooseAccount(madeUp).selectMethod("sspr-sms");
                assertThat(spending.html()).as("made-up name %d", i).doesNotContain(TOO_MANY_CODES);
            }
            ResetJourney refused = journeyFrom(stranger).chooseAccount(VERA).selectMethod("sspr-sms");
            assertThat(refused.html()).as("the stranger's address has spent its budget").contains(TOO_MANY_CODES);

            ResetJourney own = journey().chooseAccount(VERA).selectMethod("sspr-sms");
            assertThat(own.html()).as("the victim from her own address").doesNotContain(TOO_MANY_CODES);
            RecordedTwilioRequest sms = twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0);
            assertThat(sms.to()).isEqualTo(VERA_PHONE);
            own.enterCode(Codes.in(sms.body()));
            assertThat(own.fieldNames()).contains("password-new");
        }
    }

    @Test
    void anAnonymousBlockIsToldToTheOwnerWhoStillManagesTheirSecurityInfo() throws Exception {
        Inbox inbox = new Inbox(mailServer);
        // The stranger also spends the only code the alternate address may get this window (destination budget 1).
        journey().chooseAccount(OLGA).selectMethod("sspr-email");
        inbox.awaitMailTo(OLGA + ".home@example.net", 1);
        String lastPage = "";
        for (int i = 0; i < ATTEMPTS; i++) {
            lastPage = journey().chooseAccount(OLGA).selectMethod("sspr-totp")
                    .enterCode(Codes.wrongFor(Totp.now(OLGA_SECRET))).html();
        }
        assertThat(lastPage).as("the fifth wrong answer blocks the reset").contains(BLOCKED);

        for (String contact : new String[] {OLGA + "@corp.example", OLGA + ".home@example.net"}) {
            MimeMessage notice = inbox.awaitMailWithSubject(contact,
                    "Self-service password reset of your " + realm.getName() + " account was blocked");
            assertThat(MailContent.text(notice)).as(contact)
                    .contains("was blocked", "after repeated wrong answers", "nothing changed", OLGA);
        }

        RegistrationAdmin.enableRegistration(realm, Map.of());
        FormBrowser owner = TestAppLogin.submitPassword(urls.getBase(), realm.getName(), OLGA, PASSWORD);
        owner.submit(Map.of("otp", Totp.now(OLGA_SECRET)));
        if (!owner.textOf("sspr-page-title").equals("Keep your account recoverable")) {
            // Signed in without the review: the Account Console's "Set up" opens the page.
            assertThat(TestAppLogin.signedIn(owner)).as(owner.html()).isTrue();
            owner.open(SsprResetRealm.appInitiatedAction(urls.getBase(), realm.getName(), RegistrationAdmin.ACTION));
        }
        owner.submit(Map.of("action", "add-email", "email", OLGA + ".second@example.net"));
        assertThat(ExistingMethodProof.asked(owner)).as(owner.html()).isTrue();
        // Signed in, the owner's codes draw on budgets of their own: the address the stranger spent still gets one.
        ExistingMethodProof.byEmail(owner, mailServer);
    }

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), realm.getName()).start();
    }

    private ResetJourney journeyFrom(SourceAddressForwarder address) throws Exception {
        return new ResetJourney("http://127.0.0.1:" + address.port(), realm.getName()).start();
    }

    public static final class CampaignRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-stranger-campaign"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email##sspr-totp",
                            "sspr.methods.required", "1",
                            "sspr.phone.region", "DE",
                            "sspr.captcha.difficulty", "1000",
                            "sspr.budget.sends.per.ip", Integer.toString(SENDS_PER_ADDRESS),
                            "sspr.budget.sends.per.destination", "1",
                            "sspr.budget.sends.per.user", "5",
                            "sspr.attempts.per.account", Integer.toString(ATTEMPTS),
                            "sspr.attempts.per.ip", "100"))
                    .users(person(VERA).credential(SeededCredentials.mobilePhone(VERA_PHONE)),
                            person(OLGA).totpSecret(OLGA_SECRET));
        }

        private static UserBuilder person(String username) {
            return UserBuilder.create(username).email(username + "@corp.example").emailVerified(true)
                    .name(username, "Example").password(PASSWORD).enabled(true)
                    .credential(SeededCredentials.alternateEmail(username + ".home@example.net"));
        }
    }
}
