package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.ReminderRuns;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
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
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Password-expiry reminders in a realm whose passwords expire after 30 days, on the real server with the shipped JAR:
 * with Keycloak's clock moved to each threshold (14, 7 and 1 days before the expiry), every user gets exactly one
 * reminder per threshold, by mail (naming the expiry, linking to the Account Console and to "Forgot password?") and,
 * as this realm asks, by text to the registered phone; a second run at the same moment sends nothing; each reminder
 * is an audit row.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class PasswordExpiryRemindersIT {

    static final String REALM = "sspr-reminders";
    static final String PASSWORD = "Juniper-Lantern-Harbor-64";
    static final String RITA_PHONE = "+4917000000771";

    @InjectRealm(config = RemindersRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void everyUserIsRemindedOnceAtEachThresholdByMailAndText() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            assertThat(run()).as("30 days left: nothing yet").isZero();
            timeOffSet.set(Duration.ofDays(20));
            JsonNode upcoming = new SsprAdminApi(urls.getBase(), REALM, adminClient).get("insights")
                    .path("upcomingExpiries");
            assertThat(upcoming.path("total").asInt()).as("both passwords expire within 14 days").isEqualTo(2);
            assertThat(upcoming.path("perDay")).hasSize(1);
            assertThat(upcoming.path("perDay").get(0).path("count").asInt()).isEqualTo(2);

            for (int[] step : new int[][] {{16, 14}, {23, 7}, {29, 1}}) {
                timeOffSet.set(Duration.ofDays(step[0]).plusHours(1));
                int mails = new Inbox(mailServer).mailsTo("rita@example.org").size();
                int texts = textsTo(twilio).size();
                assertThat(run()).as("%d days left: rita and remy", step[1]).isEqualTo(2);
                assertThat(run()).as("the same moment again: nothing twice").isZero();

                List<jakarta.mail.internet.MimeMessage> ritas = new Inbox(mailServer).awaitMailTo("rita@example.org",
                        mails + 1);
                assertThat(ritas.get(mails).getSubject()).isEqualTo("Your Contoso password expires soon");
                String mail = MailContent.text(ritas.get(mails));
                assertThat(mail).contains("The password of your account rita expires on")
                        .contains(urls.getBase() + "/realms/" + REALM + "/account/account-security/signing-in")
                        .contains(urls.getBase() + "/realms/" + REALM
                                + "/login-actions/reset-credentials?client_id=account-console")
                        .doesNotContain(PASSWORD);
                assertThat(new Inbox(mailServer).awaitMailTo("remy@example.org", mails + 1)).hasSize(mails + 1);
                assertThat(awaitText(twilio, texts)).as("rita has a phone and the realm texts reminders")
                        .startsWith("Contoso: the password of your account rita expires on");
            }
            assertThat(new Inbox(mailServer).mailsTo("rita@example.org")).as("three reminders, no more").hasSize(3);
            assertThat(textsTo(twilio)).hasSize(3);
        }

        List<String> rows = new ArrayList<>();
        for (JsonNode row : new SsprAdminApi(urls.getBase(), REALM, adminClient).get("audit?activity=reminder")) {
            rows.add(row.path("username").asText() + " " + row.path("step").asText() + " "
                    + row.path("method").asText());
        }
        assertThat(rows).contains("rita 14 email+sms", "rita 7 email+sms", "rita 1 email+sms", "remy 14 email",
                "remy 7 email", "remy 1 email");
    }

    /** Runs the realm's reminders now, as the daily run would; how many users were reminded. */
    private int run() throws Exception {
        return ReminderRuns.run(urls.getBase(), REALM, adminClient.tokenManager().getAccessTokenString());
    }

    private static List<String> textsTo(TwilioAccount.Registration twilio) {
        return twilio.twilio().requests().stream().filter(r -> RITA_PHONE.equals(r.to()))
                .map(RecordedTwilioRequest::body).toList();
    }

    private static String awaitText(TwilioAccount.Registration twilio, int seen) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> texts = textsTo(twilio);
            if (texts.size() > seen) {
                return texts.get(seen);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no reminder text to " + RITA_PHONE);
    }

    public static final class RemindersRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-email##sspr-sms",
                            "sspr.methods.required", "1",
                            "sspr.reminder.sms", "true"))
                    .update(rep -> {
                        rep.setDisplayName("Contoso");
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setPasswordPolicy("forceExpiredPasswordChange(30)");
                        rep.setAttributes(Map.of("frontendUrl", "http://localhost:8080"));
                    })
                    .users(UserBuilder.create("rita").email("rita@example.org").emailVerified(true)
                                    .name("Rita", "Reminded").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone(RITA_PHONE)),
                            UserBuilder.create("remy").email("remy@example.org").emailVerified(true)
                                    .name("Remy", "Reminded").password(PASSWORD).enabled(true)
                                    .realmRoles("default-roles-" + REALM));
        }
    }
}
