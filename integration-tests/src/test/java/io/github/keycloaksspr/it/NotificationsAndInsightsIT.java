package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TestAppLogin;
import io.github.keycloaksspr.it.support.TwilioAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.GroupRepresentation;
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
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The {@code sspr} event listener on the real server, after one scripted set of flows: the notification mails
 * (localized, to the account and alternate addresses; every administrator on an administrator's reset; the unlock
 * notice), then the exact figures of {@code /admin/realms/{realm}/sspr/insights}, the rows of {@code audit} (JSON and
 * CSV), the access rules and the counters on the Prometheus endpoint, one behaviour per test.
 * <p>
 * Insights, audit rows and counters add up per realm, so the flows run exactly once for the class's realm, in the
 * first test that needs them ({@link #activity()}), whatever the order of the tests; the others read what that run
 * left. The framework empties the mail server after every test, so that run keeps a copy of the mail it caused.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class NotificationsAndInsightsIT {

    static final String REALM = "sspr-insights";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String NEW_PASSWORD = "Brand-new-Passw0rd!";
    static final String MARIA = "maria";
    static final String ADA = "ada-admin";
    static final String OTTO = "otto-admin";
    static final String GINA = "gina";
    static final String NORM = "norm";
    static final String LUKE = "luke";
    static final String RHEA = "rhea";
    static final String DOMAIN = "@insights.example";
    static final String MARIAS_NOTICE = "Ihr Passwort für " + REALM + " wurde zurückgesetzt";
    static final String ADMIN_NOTICE = "Administrator " + ADA + " reset their password";
    static final String UNLOCK_NOTICE = "Your " + REALM + " account was unlocked";
    /** Every notice the flows send, as address and subject: the scripted run waits for them, then copies the mail. */
    static final List<Map.Entry<String, String>> NOTICES = List.of(
            Map.entry(MARIA + DOMAIN, MARIAS_NOTICE), Map.entry(MARIA + ".home" + DOMAIN, MARIAS_NOTICE),
            Map.entry(OTTO + DOMAIN, ADMIN_NOTICE), Map.entry(GINA + DOMAIN, ADMIN_NOTICE),
            Map.entry(LUKE + DOMAIN, UNLOCK_NOTICE));
    static final long MAIL_WAIT_MILLIS = 15_000;

    /** The realm the flows ran in, what they left, or how they failed: see {@link #activity()}. */
    private static ManagedRealm scriptedRealm;
    private static Activity scripted;
    private static Throwable scriptFailure;

    @InjectRealm(config = InsightsRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aUsersResetIsToldToBothHerAddressesInHerLanguage() {
        Activity activity = activity();
        assertThat(activity.maria().signedIn()).as(activity.maria().html()).isTrue();

        for (String address : List.of(MARIA + DOMAIN, MARIA + ".home" + DOMAIN)) {
            assertThat(activity.notice(address, MARIAS_NOTICE)).contains("Das Passwort Ihres Kontos " + MARIA)
                    .contains("127.0.0.1").doesNotContain(activity.mariasSmsCode());
        }
    }

    @Test
    void anAdministratorsResetIsToldToEveryOtherAdministratorAndNobodyElse() {
        Activity activity = activity();
        assertThat(activity.ada().signedIn()).as(activity.ada().html()).isTrue();

        for (String admin : List.of(OTTO, GINA)) {
            assertThat(activity.notice(admin + DOMAIN, ADMIN_NOTICE)).contains("The administrator account " + ADA);
        }
        assertThat(activity.mailsTo(NORM + DOMAIN)).isEmpty();
    }

    @Test
    void aLockedAccountUnlocksAndIsToldSo() {
        Activity activity = activity();
        assertThat(activity.luke().html()).contains("Your account is unlocked");
        assertThat(activity.mailsTo(LUKE + DOMAIN)).extracting(Mail::subject).contains(UNLOCK_NOTICE);
    }

    @Test
    void confirmingSecurityInfoAtSignInSignsTheUserIn() {
        assertThat(TestAppLogin.signedIn(activity().rhea())).isTrue();
    }

    @Test
    void insightsGiveTheExactFiguresOfTheScriptedFlows() throws Exception {
        activity();
        JsonNode insights = adminGet("insights").body();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(insights.at("/registration/usersInScope").asLong()).isEqualTo(7);
        assertThat(insights.at("/registration/capable").asLong()).as("phone and alternate email: two methods each")
                .isEqualTo(7);
        assertThat(insights.at("/registration/confirmed").asLong()).isEqualTo(5);
        assertThat(insights.at("/registration/byMethod").toString()).isEqualTo("{\"sspr-sms\":7,\"sspr-email\":7}");
        assertThat(insights.at("/registration/byGroup/0/group").asText()).isEqualTo("sspr-admins");
        assertThat(insights.at("/registration/byGroup/0/members").asLong()).isEqualTo(1);
        assertThat(insights.at("/registration/byGroup/0/capable").asLong()).isEqualTo(1);
        assertThat(insights.at("/registration/byGroup/0/confirmed").asLong()).isZero();
        assertThat(insights.at("/resetsPerDay").toString())
                .isEqualTo("[{\"day\":\"" + today + "\",\"success\":2,\"failure\":0}]");
        assertThat(insights.at("/unlocksPerDay").toString())
                .isEqualTo("[{\"day\":\"" + today + "\",\"success\":1,\"failure\":0}]");
        assertThat(insights.at("/methods").toString()).isEqualTo("["
                + "{\"method\":\"sspr-email\",\"success\":3,\"failure\":0,\"refused\":0,\"successRate\":1.0},"
                + "{\"method\":\"sspr-sms\",\"success\":3,\"failure\":1,\"refused\":0,\"successRate\":0.75}]");
        assertThat(insights.at("/topFailureReasons").toString()).isEqualTo("["
                + "{\"reason\":\"user_not_found\",\"count\":1},{\"reason\":\"wrong_code\",\"count\":1}]");
        assertThat(insights.at("/activities/reset/success").asLong()).isEqualTo(2);
        assertThat(insights.at("/activities/unlock/success").asLong()).isEqualTo(1);
        assertThat(insights.at("/activities/blocked_from_sspr/failure").asLong()).isEqualTo(1);
        assertThat(insights.at("/activities/registered/success").asLong()).isEqualTo(1);
    }

    @Test
    void auditListsTheResetsNewestFirstWithTheMethodsThatProvedIdentity() throws Exception {
        long start = activity().start();
        JsonNode resets = adminGet("audit?activity=reset").body();
        assertThat(resets).hasSize(2);
        assertThat(resets.get(0).get("username").asText()).isEqualTo(ADA);
        assertThat(resets.get(1).get("username").asText()).isEqualTo(MARIA);
        assertThat(resets.get(1).get("method").asText()).isEqualTo("sspr-sms+sspr-email");
        assertThat(resets.get(1).get("outcome").asText()).isEqualTo("success");
        assertThat(resets.get(1).get("time").asLong()).isGreaterThanOrEqualTo(start);
        JsonNode mariasRows = adminGet("audit?user=" + MARIA + "&max=1000").body();
        assertThat(mariasRows).allSatisfy(row -> assertThat(row.get("username").asText()).isEqualTo(MARIA));
        assertThat(mariasRows).extracting(row -> row.path("reason").asText()).contains("wrong_code", "account_chosen");
    }

    @Test
    void auditExportsAsCsvWithOneLinePerRow() throws Exception {
        activity();
        HttpResponse<String> csv = adminApi().send("audit?max=1000", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = Arrays.asList(csv.body().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("time,user_id,username,activity,step,method,outcome,reason,client_ip");
        assertThat(lines).hasSize(adminGet("audit?max=1000").body().size() + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(9));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("," + MARIA + ",reset,new-password,"));
    }

    @Test
    void prometheusCountsTheScriptedFlowsForTheRealm() throws Exception {
        activity();
        String metrics = http.send(HttpRequest.newBuilder(URI.create(urls.getMetric())).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(counter(metrics, "sspr_resets_total", "outcome", "success")).isEqualTo(2.0);
        assertThat(counter(metrics, "sspr_unlocks_total", null, null)).isEqualTo(1.0);
        assertThat(counter(metrics, "sspr_sends_total", "channel", "sms")).isEqualTo(3.0);
        assertThat(counter(metrics, "sspr_sends_total", "channel", "email")).isEqualTo(3.0);
        assertThat(counterWith(metrics, "sspr_verifications_total", "method=\"sspr-sms\"", "outcome=\"failure\""))
                .isEqualTo(1.0);
        assertThat(counterWith(metrics, "sspr_verifications_total", "method=\"sspr-sms\"", "outcome=\"success\""))
                .isEqualTo(3.0);
    }

    @Test
    void callersWithoutViewEventsGetNothing() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(adminUrl("insights"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        String normsToken = passwordGrantToken(NORM);
        for (String path : List.of("insights", "audit")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(adminUrl(path)))
                    .header("Authorization", "Bearer " + normsToken).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("sspr-").doesNotContain(MARIA);
        }
        assertThat(adminGet("audit?from=yesterday").status()).isEqualTo(400);
        assertThat(adminGet("audit?activity=teleport").status()).isEqualTo(400);
    }

    /**
     * What the scripted flows left: the users' browsers where each flow ended, Maria's SMS code, when the flows
     * started, and a copy of every mail they caused.
     */
    private record Activity(long start, String mariasSmsCode, ResetJourney maria, ResetJourney ada, ResetJourney luke,
                            FormBrowser rhea, List<Mail> mails) {

        List<Mail> mailsTo(String address) {
            return mails.stream().filter(mail -> mail.to().equals(address)).toList();
        }

        /** The text of the first mail to {@code address} with this subject. */
        String notice(String address, String subject) {
            return mailsTo(address).stream().filter(mail -> subject.equals(mail.subject())).findFirst()
                    .orElseThrow(() -> new AssertionError("no '" + subject + "' to " + address + "; got "
                            + mailsTo(address)))
                    .text();
        }
    }

    /** One received mail as its recipient reads it. */
    private record Mail(String to, String subject, String text) {
    }

    /**
     * The scripted flows' outcome for this realm: runs them on the first call for the realm (from whichever test
     * comes first), then answers from that run; if the run failed, every test that needs it fails with its cause
     * (the realm then holds a partial run, so it is not repeated).
     */
    private Activity activity() {
        if (scriptedRealm != realm) {
            scriptedRealm = realm;
            scripted = null;
            scriptFailure = null;
            try {
                scripted = scriptFlows();
            } catch (Throwable e) {
                scriptFailure = e;
            }
        }
        if (scriptFailure != null) {
            throw new AssertionError("the scripted flows failed", scriptFailure);
        }
        return scripted;
    }

    /**
     * Maria (German) resets with one wrong SMS code first; administrator Ada resets; an unknown account is blocked;
     * Luke locks himself out and unlocks; Rhea confirms her security info at sign-in.
     */
    private Activity scriptFlows() throws Exception {
        RegistrationAdmin.enableRegistration(realm, Map.of());
        long start = Instant.now().toEpochMilli();
        String smsCode;
        ResetJourney maria;
        ResetJourney ada;
        ResetJourney luke;
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            maria = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(MARIA).selectMethod("sspr-sms");
            smsCode = Codes.in(twilio.twilio().awaitRequests(1, Duration.ofSeconds(10)).get(0).body());
            maria.enterCode(Codes.wrongFor(smsCode)).enterCode(smsCode).selectMethod("sspr-email");
            maria.enterCode(Codes.in(MailContent.text(awaitMailTo(MARIA + ".home" + DOMAIN, 1).get(0))));
            maria.setNewPassword(NEW_PASSWORD);

            ada = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(ADA).selectMethod("sspr-sms");
            ada.enterCode(Codes.in(twilio.twilio().awaitRequests(2, Duration.ofSeconds(10)).get(1).body()))
                    .selectMethod("sspr-email");
            ada.enterCode(Codes.in(MailContent.text(awaitMailTo(ADA + ".home" + DOMAIN, 1).get(0))));
            ada.setNewPassword(NEW_PASSWORD);

            new ResetJourney(urls.getBase(), REALM).start().chooseAccount("nobody");
            for (int i = 0; i < 3; i++) {
                TestAppLogin.submitPassword(urls.getBase(), REALM, LUKE, "wrong-" + i);
            }
            luke = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(LUKE).selectMethod("sspr-sms");
            luke.enterCode(Codes.in(twilio.twilio().awaitRequests(3, Duration.ofSeconds(10)).get(2).body()))
                    .selectMethod("sspr-email");
            luke.enterCode(Codes.in(MailContent.text(awaitMailTo(LUKE + ".home" + DOMAIN, 1).get(0))));
            luke.choose("unlock");
        }
        FormBrowser rhea = TestAppLogin.submitPassword(urls.getBase(), REALM, RHEA, PASSWORD);
        rhea.submit(Map.of("action", "confirm"));

        return new Activity(start, smsCode, maria, ada, luke, rhea, copyOfTheMailAfterTheNotices());
    }

    /**
     * Waits (as long as {@link Inbox} would) until every notice of {@link #NOTICES} is in, without asserting: the tests
     * that read them report a missing one. Then copies every received mail, once per recipient.
     */
    private List<Mail> copyOfTheMailAfterTheNotices() throws Exception {
        long deadline = System.currentTimeMillis() + MAIL_WAIT_MILLIS;
        while (!allNoticesReceived() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        List<Mail> copy = new ArrayList<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            String text = MailContent.text(message);
            Address[] recipients = message.getRecipients(Message.RecipientType.TO);
            for (Address recipient : recipients == null ? new Address[0] : recipients) {
                copy.add(new Mail(recipient.toString(), message.getSubject(), text));
            }
        }
        return List.copyOf(copy);
    }

    private boolean allNoticesReceived() throws Exception {
        for (Map.Entry<String, String> notice : NOTICES) {
            if (mailsTo(notice.getKey()).stream().noneMatch(mail -> subjectIs(mail, notice.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean subjectIs(MimeMessage mail, String subject) {
        try {
            return subject.equals(mail.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply adminGet(String path) throws Exception {
        HttpResponse<String> response = adminApi().send(path, "application/json");
        return new Reply(response.statusCode(), response.statusCode() == 200 ? json.readTree(response.body()) : null);
    }

    private SsprAdminApi adminApi() {
        return new SsprAdminApi(urls.getBase(), REALM, adminClient);
    }

    private String adminUrl(String path) {
        return adminApi().url(path);
    }

    private String passwordGrantToken(String username) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + username + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(urls.getBase() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asText();
    }

    /** The value of the counter series of this realm (and the given tag, if any) on the Prometheus page. */
    private static double counter(String metrics, String name, String tag, String value) {
        return tag == null ? counterWith(metrics, name) : counterWith(metrics, name, tag + "=\"" + value + "\"");
    }

    private static double counterWith(String metrics, String name, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            String found = line.group(1);
            if (found.contains("realm=\"" + REALM + "\"") && Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no " + name + " " + Arrays.toString(labels) + " for " + REALM + " in:\n" + metrics);
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        return new Inbox(mailServer).mailsTo(address);
    }

    private List<MimeMessage> awaitMailTo(String address, int count) throws Exception {
        return new Inbox(mailServer).awaitMailTo(address, count);
    }

    public static final class InsightsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            String now = Long.toString(Instant.now().getEpochSecond());
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "2",
                            "sspr.admin.group", "/sspr-admins",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setInternationalizationEnabled(true);
                        rep.setSupportedLocales(Set.of("en", "de"));
                        rep.setDefaultLocale("en");
                        rep.setFailureFactor(3);
                        GroupRepresentation admins = new GroupRepresentation();
                        admins.setName("sspr-admins");
                        rep.setGroups(List.of(admins));
                    })
                    .users(registered(MARIA, "+4917000000071", now).attribute("locale", "de"),
                            registered(ADA, "+4917000000072", now).clientRoles("realm-management", "manage-users"),
                            // Administrators who never confirmed: counted in scope and capable, not as confirmed.
                            unconfirmed(OTTO, "+4917000000073").clientRoles("realm-management", "view-users"),
                            unconfirmed(GINA, "+4917000000074").groups("/sspr-admins"),
                            registered(NORM, "+4917000000075", now),
                            registered(LUKE, "+4917000000076", now),
                            unconfirmed(RHEA, "+4917000000077"));
        }

        private static UserBuilder registered(String username, String phone, String confirmedAt) {
            return unconfirmed(username, phone).attribute("sspr.confirmedAt", confirmedAt);
        }

        private static UserBuilder unconfirmed(String username, String phone) {
            return user(username).credential(SeededCredentials.mobilePhone(phone))
                    .credential(SeededCredentials.alternateEmail(username + ".home" + DOMAIN));
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + DOMAIN).emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
