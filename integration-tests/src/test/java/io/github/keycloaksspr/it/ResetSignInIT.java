package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprMfaRealm;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.Totp;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
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
 * A reset proves one email code; the realm's browser flow asks users who have one for a second factor. The reset must
 * not end in a session that skipped it: a user with an authenticator app (Keycloak's default Conditional 2FA) or a
 * registered phone (the pack's sspr-sms-otp, conditional) lands on the sign-in page, "password changed", and no
 * authorization code reaches the app until the second factor is given. A user with nothing more to give is signed in.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ResetSignInIT {

    static final String OLD_PASSWORD = "Old-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";
    static final String OTTO = "otto.app";
    static final String OTTO_SECRET = "reset-signin-totp-secret-01";
    static final String PIA = "pia.plain";
    static final String SAM = "sam.sms";
    static final String SAM_PHONE = "+4917000000091";
    static final String CHANGED = "Your password was changed. Sign in with your new password.";

    @InjectRealm(ref = "app", config = AppRealm.class)
    ManagedRealm appRealm;

    @InjectRealm(ref = "sms", config = SmsRealm.class)
    ManagedRealm smsRealm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void aUserWithAnAuthenticatorAppSignsInWithItAfterTheReset() throws Exception {
        ResetJourney journey = resetByEmail(appRealm, OTTO);

        assertThat(journey.signedIn()).as("no code reaches the app").isFalse();
        assertThat(journey.html()).contains(CHANGED);
        assertThat(journey.fieldNames()).contains("username", "password");
        journey.submit(Map.of("username", OTTO, "password", NEW_PASSWORD));
        assertThat(journey.fieldNames()).as("the browser flow asks the app's code").contains("otp");
        assertThat(journey.signedIn()).isFalse();
        journey.submit(Map.of("otp", Totp.now(OTTO_SECRET)));
        assertThat(journey.signedIn()).as(journey.html()).isTrue();
    }

    /** Signed in at once; and the reset notice goes out from the flow, though this realm runs no sspr listener. */
    @Test
    void aUserWithNothingMoreToGiveIsSignedIn() throws Exception {
        assertThat(resetByEmail(appRealm, PIA).signedIn()).isTrue();
        assertThat(appRealm.admin().toRepresentation().getEventsListeners()).doesNotContain("sspr");
        Inbox inbox = new Inbox(mailServer);
        for (String contact : new String[] {PIA + "@corp.example", PIA + ".home@example.net"}) {
            assertThat(MailContent.text(inbox.awaitMailWithSubject(contact,
                    "Your " + appRealm.getName() + " password was reset"))).contains(PIA);
        }
    }

    @Test
    void aUserWithAPhoneForTheSmsSecondFactorGetsItsCodeAfterTheReset() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            ResetJourney journey = resetByEmail(smsRealm, SAM);

            assertThat(journey.signedIn()).as("no code reaches the app").isFalse();
            assertThat(journey.html()).contains(CHANGED);
            journey.submit(Map.of("username", SAM, "password", NEW_PASSWORD));
            assertThat(journey.fieldNames()).as(journey.html()).contains("code");
            assertThat(journey.html()).contains("+49 \u2022\u2022\u2022 \u2022\u2022 91");
            RecordedTwilioRequest sms = twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0);
            assertThat(sms.to()).isEqualTo(SAM_PHONE);
            assertThat(journey.signedIn()).isFalse();
            journey.submit(Map.of("code", Codes.in(sms.body())));
            assertThat(journey.signedIn()).as(journey.html()).isTrue();
        }
    }

    /** "Forgot password?", the one email code, the new password. */
    private ResetJourney resetByEmail(ManagedRealm realm, String username) throws Exception {
        Inbox inbox = new Inbox(mailServer);
        String alternate = username + ".home@example.net";
        int before = inbox.mailsTo(alternate).size();
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(username);
        if (journey.html().contains("id=\"sspr-method-sspr-email\"")) {
            journey.selectMethod("sspr-email");
        }
        String code = Codes.in(MailContent.text(inbox.awaitMailTo(alternate, before + 1).get(before)));
        journey.enterCode(code);
        assertThat(journey.fieldNames()).as(journey.html()).contains("password-new");
        return journey.setNewPassword(NEW_PASSWORD);
    }

    private static RealmBuilder resetRealm(RealmBuilder realm, String name, String methods) {
        return SsprResetRealm.configure(realm.name(name), Map.of(
                "sspr.methods", methods,
                "sspr.methods.required", "1",
                "sspr.phone.region", "DE",
                "sspr.captcha.difficulty", "1000"))
                // The injected mail server sets up the default realm only: these two realms name it themselves.
                .update(rep -> rep.setSmtpServer(Map.of("host", "localhost", "port", "3025",
                        "from", "sspr@example.org")));
    }

    private static UserBuilder person(String username) {
        return UserBuilder.create(username).email(username + "@corp.example").emailVerified(true)
                .name(username, "Example").password(OLD_PASSWORD).enabled(true)
                .credential(SeededCredentials.alternateEmail(username + ".home@example.net"));
    }

    /** Keycloak's default browser flow: its Conditional 2FA asks the authenticator app of users who have one. */
    public static final class AppRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return resetRealm(realm, "sspr-reset-signin-app", "sspr-email")
                    .users(person(OTTO).totpSecret(OTTO_SECRET), person(PIA));
        }
    }

    /**
     * The pack's SMS/email code as the second factor of users who registered (the demo's flow); texts are a reset
     * method too, so the phone counts as registered for sign-in.
     */
    public static final class SmsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprMfaRealm.addConditionallyTo(resetRealm(realm, "sspr-reset-signin-sms", "sspr-email##sspr-sms")
                    // The phone first: Keycloak offers the alternative of the user's first credential.
                    .users(UserBuilder.create(SAM).email(SAM + "@corp.example").emailVerified(true)
                            .name(SAM, "Example").password(OLD_PASSWORD).enabled(true)
                            .credential(SeededCredentials.mobilePhone(SAM_PHONE))
                            .credential(SeededCredentials.alternateEmail(SAM + ".home@example.net"))));
        }
    }
}
