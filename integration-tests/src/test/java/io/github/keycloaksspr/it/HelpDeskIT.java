package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.ExistingMethodProof;
import io.github.keycloaksspr.it.support.Flows;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.RegistrationAdmin;
import io.github.keycloaksspr.it.support.Inbox;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The help desk's API as an agent, a plain user and an attacker without a token call it, against the shipped JAR: an
 * agent with only the help-desk role finds a caller by exact name and sees the methods masked as the reset shows them,
 * and nothing else of the admin API; anybody else is refused.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class HelpDeskIT {

    static final String REALM = "sspr-helpdesk";
    static final String PASSWORD = "Helpdesk-Passw0rd!";
    static final String AGENT = "hank";
    static final String PLAIN = "paul";
    static final String USER_ADMIN = "ulla";
    static final String CALLER = "carla";
    static final String CALLER_PHONE = "+4917000000078";
    static final String CALLER_ALTERNATE = "carla.home@example.net";
    static final String GUESSED = "cleo";
    static final int ATTEMPTS = 3;
    static final String PASS_USER = "tara";
    static final String ADMINISTRATOR = "adam";
    static final String ADMINISTRATOR_ALTERNATE = "adam.home@example.net";
    static final String REALM_ADMIN = "rhea";
    static final String LOST_EVERYTHING = "lena";
    static final String SIGNS_IN_WITH_PASS = "mira";
    static final String LOCKED_OUT = "otto";
    static final String TAP_CLIENT = "sspr-tap-app";
    static final String TAP_FLOW_ID = "6f1d3c52-8a0e-4b7f-9c1e-5d2a7b3e9f10";

    @InjectRealm(config = HelpDeskRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectMailServer
    MailServer mailServer;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAgentFindsTheCallerByExactNameAndSeesHerMethodsMaskedAsTheResetShowsThem() throws Exception {
        HttpResponse<String> found = helpDesk("api/users?username=" + CALLER, token(AGENT));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode card = new ObjectMapper().readTree(found.body());
        assertThat(card.path("username").asText()).isEqualTo(CALLER);
        assertThat(card.path("methods")).extracting(m -> m.path("id").asText())
                .containsExactlyInAnyOrder("sspr-sms", "sspr-email");
        assertThat(card.path("methods")).extracting(m -> m.path("hint").asText())
                .containsExactlyInAnyOrder("+49 \u2022\u2022\u2022 \u2022\u2022 78", "c\u2022\u2022\u2022@\u2022\u2022\u2022");
        assertThat(found.body()).as("never the number or the address").doesNotContain(CALLER_PHONE)
                .doesNotContain("0000078").doesNotContain(CALLER_ALTERNATE).doesNotContain("example.net");
        assertThat(card.path("locked").asBoolean()).isFalse();
        assertThat(card.path("blockedFromSspr").asBoolean()).isFalse();
        assertThat(card.path("registrationRequired").asBoolean()).isFalse();
        assertThat(card.path("resetEligibility").asText()).isEqualTo("eligible");
        assertThat(card.path("credentials")).as("what the agent may remove, masked")
                .extracting(c -> c.path("type").asText() + " " + c.path("hint").asText())
                .containsExactlyInAnyOrder("sspr-mobile-phone +49 \u2022\u2022\u2022 \u2022\u2022 78",
                        "sspr-alternate-email c\u2022\u2022\u2022@\u2022\u2022\u2022");

        assertThat(helpDesk("api/users?username=" + CALLER + "@example.org", token(AGENT)).statusCode())
                .as("by email too").isEqualTo(200);
        assertThat(helpDesk("api/users?username=carl", token(AGENT)).statusCode()).as("exact names only")
                .isEqualTo(404);
        assertThat(helpDesk("api/users?username=", token(AGENT)).statusCode()).isEqualTo(400);
        assertThat(auditRows(null)).as("a miss is on record, without the name typed").anySatisfy(row -> {
            assertThat(row.path("step").asText() + " " + row.path("outcome").asText() + " " + row.path("reason")
                    .asText()).isEqualTo("lookup failure agent " + AGENT);
            assertThat(row.toString()).doesNotContain("carl\"");
        });
    }

    /**
     * An agent is no caller of their own help desk, and another agent is guarded like an administrator: two methods,
     * never the account's address alone (an agent's mailbox is not the key to an agent's account).
     */
    @Test
    void anAgentCannotActOnTheirOwnAccountAndAnotherAgentIsGuardedLikeAnAdministrator() throws Exception {
        String hank = token(AGENT);
        HttpResponse<String> self = post("api/users/" + userId(AGENT) + "/verification", "restart=1", hank);
        assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
        assertThat(self.body()).contains("sspr_own_account");
        assertThat(post("api/users/" + userId(AGENT) + "/unlock", "", hank).statusCode()).isEqualTo(403);

        JsonNode colleague = verification(userId("hugo"), "restart=1", hank);
        assertThat(colleague.path("state").asText()).as("hugo has no method he could read a code from, and the "
                + "account address is not offered for an agent").isEqualTo("nothing_left");
        JsonNode card = new ObjectMapper().readTree(helpDesk("api/users?username=hugo", hank).body());
        assertThat(card.path("administrator").asBoolean()).as("shown to the agent as guarded").isTrue();
    }

    /** The caller reads back the code texted to her phone; the agent never sees it before she reads it. */
    @Test
    void anAgentVerifiesTheCallerByTheCodeTextedToHerPhone() throws Exception {
        String agent = token(AGENT);
        String carla = userId(CALLER);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            JsonNode list = verification(carla, "restart=1", agent);
            assertThat(list.path("state").asText()).isEqualTo("choose");
            assertThat(list.path("methods")).extracting(m -> m.path("id").asText())
                    .as("the account's own address only for a caller who lost every method")
                    .containsExactlyInAnyOrder("sspr-sms", "sspr-email");

            JsonNode sent = verification(carla, "method=sspr-sms", agent);
            assertThat(sent.path("state").asText()).isEqualTo("answer");
            assertThat(sent.path("hint").asText()).isEqualTo("+49 \u2022\u2022\u2022 \u2022\u2022 78");
            String code = Codes.in(awaitText(twilio, CALLER_PHONE, "verification code"));
            assertThat(sent.toString()).as("the agent's page never holds the code").doesNotContain(code);

            JsonNode wrong = verification(carla, "code=" + Codes.wrongFor(code), agent);
            assertThat(wrong.path("state").asText()).isEqualTo("answer");
            assertThat(wrong.path("error").asText()).isEqualTo("ssprErrorWrongCode");
            JsonNode right = verification(carla, "code=" + code, agent);
            assertThat(right.path("state").asText()).isEqualTo("verified");
            assertThat(right.path("validSeconds").asInt()).isEqualTo(900);
            assertThat(new ObjectMapper().readTree(helpDesk("api/users/" + carla + "/verification", agent).body())
                    .path("state").asText()).as("the verification holds").isEqualTo("verified");
            assertThat(new ObjectMapper().readTree(helpDesk("api/users/" + carla + "/verification", token(USER_ADMIN))
                    .body()).path("state").asText()).as("for the agent who made it only").isEqualTo("unverified");

            // Carla learns of it at every contact: had someone else called, she would know.
            for (String address : List.of(CALLER + "@example.org", CALLER_ALTERNATE)) {
                assertThat(MailContent.text(new Inbox(mailServer).awaitMailWithSubject(address,
                        "Your help desk verified your " + REALM + " account")))
                        .contains("If you did not call your help desk");
            }
            assertThat(awaitText(twilio, CALLER_PHONE, "your help desk verified your identity"))
                    .contains("your help desk verified your identity for your account carla");
        }

        // Every step is an admin event naming the agent: who looked up whom, what was sent, how it ended.
        String hank = userId(AGENT);
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents().stream()
                .filter(e -> "SSPR_HELPDESK".equals(e.getResourceType())).toList();
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.getResourcePath()).as("a caller, or a lookup that found nobody")
                .matches("users(/[0-9a-f-]+)?"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getAuthDetails().getUserId()).isEqualTo(hank);
            assertThat(e.getResourcePath()).isEqualTo("users/" + carla);
            assertThat(e.getDetails()).containsEntry("sspr_action", "verification").containsEntry("sspr_state", "verified");
        });
        assertThat(events).anySatisfy(e -> assertThat(e.getDetails()).containsEntry("sspr_state", "answer")
                .containsEntry("sspr_method", "sspr-sms"));
    }

    /**
     * A caller cannot guess through an agent what she could not guess alone: wrong codes count in the account's
     * attempt ledger, and at its limit the account's self-service reset is blocked as by anonymous guessing.
     */
    @Test
    void wrongCodesThroughTheAgentBlockTheCallersResetAsAnonymousGuessesDo() throws Exception {
        String agent = token(AGENT);
        String cleo = userId(GUESSED);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            verification(cleo, "restart=1", agent);
            verification(cleo, "method=sspr-sms", agent);
            String code = Codes.in(awaitText(twilio, "+4917000000079", "verification code"));
            JsonNode last = null;
            for (int guess = 1; guess <= ATTEMPTS; guess++) {
                last = verification(cleo, "code=" + Codes.wrongFor(code), agent);
            }
            assertThat(last.path("error").asText()).as("the guess that reaches the limit").isEqualTo("ssprErrorBlocked");
            assertThat(verification(cleo, "code=" + code, agent).path("state").asText())
                    .as("not even the right code is checked now").isEqualTo("blocked");
        }
        ResetJourney reset = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(GUESSED);
        assertThat(reset.html()).as("Cleo's own reset").contains("Too many attempts");
    }

    /** A pass only for a caller this agent verified; shown once, stored hashed, bounded, one at a time. */
    @Test
    void aVerifiedCallerGetsATemporaryAccessPassShownOnceAndStoredHashed() throws Exception {
        String agent = token(AGENT);
        String tara = userId(PASS_USER);
        HttpResponse<String> early = post("api/users/" + tara + "/temporary-access-pass", "", agent);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("sspr_caller_not_verified");

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            verifyBySms(tara, agent, twilio, "+4917000000080");
        }
        assertThat(post("api/users/" + tara + "/temporary-access-pass", "lifetimeMinutes=5", agent).statusCode())
                .as("below ten minutes").isEqualTo(400);
        long before = System.currentTimeMillis();
        HttpResponse<String> issued = post("api/users/" + tara + "/temporary-access-pass", "", agent);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode pass = new ObjectMapper().readTree(issued.body());
        assertThat(pass.path("pass").asText()).matches("[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}");
        assertThat(pass.path("oneTime").asBoolean()).as("one-time by default").isTrue();
        assertThat(pass.path("expiresAt").asLong()).isBetween(before + 59 * 60_000L, before + 61 * 60_000L);

        HttpResponse<String> again = post("api/users/" + tara + "/temporary-access-pass",
                "lifetimeMinutes=480&multiUse=true", agent);
        assertThat(again.statusCode()).isEqualTo(200);
        List<CredentialRepresentation> passes = realm.admin().users().get(tara).credentials().stream()
                .filter(c -> c.getType().equals("sspr-temporary-access-pass")).toList();
        assertThat(passes).as("a new pass replaces the earlier one").hasSize(1);
        String raw = new ObjectMapper().readTree(again.body()).path("pass").asText().replace("-", "");
        assertThat(passes.get(0).getCredentialData()).doesNotContain(raw).contains("\"oneTime\":false");
        // Tara is told, at every contact, that a pass was issued: whoever holds it can sign in as her.
        assertThat(MailContent.text(new Inbox(mailServer).awaitMailWithSubject("tara.home@example.net",
                "Your help desk issued a temporary access pass for your " + REALM + " account")))
                .contains("If you did not ask your help desk for it").doesNotContain(raw);
    }

    /** A pass for an administrator opens an administrator's account: a help-desk agent may not issue it. */
    @Test
    void anAgentCannotIssueAPassToAnAdministratorARealmAdministratorCan() throws Exception {
        String adam = userId(ADMINISTRATOR);
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            String agent = token(AGENT);
            verifyAdministrator(adam, agent, twilio);
            HttpResponse<String> refused = post("api/users/" + adam + "/temporary-access-pass", "", agent);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).contains("sspr_realm_admin_required");
            String lostPhone = RegistrationAdmin.credentialId(realm, ADMINISTRATOR, "sspr-mobile-phone");
            HttpResponse<String> removal = post("api/users/" + adam + "/remove-method", "credentialId=" + lostPhone,
                    agent);
            assertThat(removal.statusCode()).as("nor take away an administrator's method").isEqualTo(403);
            assertThat(RegistrationAdmin.credentialTypes(realm, ADMINISTRATOR)).contains("sspr-mobile-phone");

            String realmAdmin = token(REALM_ADMIN);
            verifyAdministrator(adam, realmAdmin, twilio);
            assertThat(post("api/users/" + adam + "/temporary-access-pass", "", realmAdmin).statusCode())
                    .isEqualTo(200);
        }
    }

    /** Verifies a caller by the code texted to their {@code phone}. */
    private void verifyBySms(String userId, String token, TwilioAccount.Registration twilio, String phone)
            throws Exception {
        int before = texts(twilio, phone, "verification code").size();
        verification(userId, "restart=1", token);
        verification(userId, "method=sspr-sms", token);
        JsonNode done = verification(userId, "code=" + Codes.in(awaitTextAfter(twilio, phone, "verification code",
                before)), token);
        assertThat(done.path("state").asText()).as(done.toString()).isIn("verified", "answer", "choose");
    }

    /** The first text to {@code number} containing {@code words}: texts of earlier tests may still arrive. */
    private static String awaitText(TwilioAccount.Registration twilio, String number, String words) throws Exception {
        return awaitTextAfter(twilio, number, words, 0);
    }

    /** The first text to {@code number} containing {@code words} after the first {@code seen} such texts. */
    private static String awaitTextAfter(TwilioAccount.Registration twilio, String number, String words, int seen)
            throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> texts = texts(twilio, number, words);
            if (texts.size() > seen) {
                return texts.get(seen);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no text to " + number + " with '" + words + "' after " + seen);
    }

    private static List<String> texts(TwilioAccount.Registration twilio, String number, String words) {
        return twilio.twilio().requests().stream().filter(r -> number.equals(r.to()))
                .map(RecordedTwilioRequest::body).filter(body -> body.contains(words)).toList();
    }

    /** An administrator proves two methods: the texted code, then the code mailed to the alternate address. */
    private void verifyAdministrator(String userId, String token, TwilioAccount.Registration twilio) throws Exception {
        int mails = new Inbox(mailServer).mailsTo(ADMINISTRATOR_ALTERNATE).size();
        verifyBySms(userId, token, twilio, "+4917000000081");
        verification(userId, "method=sspr-email", token);
        String mail = awaitNew(() -> {
            List<String> texts = new ArrayList<>();
            for (jakarta.mail.internet.MimeMessage message : new Inbox(mailServer).mailsTo(ADMINISTRATOR_ALTERNATE)) {
                texts.add(message.getSubject() + "\n" + MailContent.text(message));
            }
            return texts;
        }, mails);
        JsonNode done = verification(userId, "code=" + Codes.in(mail.substring(mail.indexOf('\n'))), token);
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("verified");
    }

    /** The first of {@code messages} after the first {@code seen} that carries a verification code. */
    private static String awaitNew(java.util.concurrent.Callable<List<String>> messages, int seen) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<String> all = messages.call();
            for (String message : all.subList(Math.min(seen, all.size()), all.size())) {
                if (message.contains("verification code")) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no new verification code after " + seen + " messages");
    }

    private HttpResponse<String> post(String path, String form, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/" + REALM + "/sspr-helpdesk/"
                        + path)).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Lena lost every method: the agent verifies her by a code to her account's own address and gives her a pass; with
     * it alone she resets her password at "Forgot password?" (the policy asks two methods). The pass works once, and a
     * new one expires after its lifetime.
     */
    @Test
    void aCallerWhoLostEveryMethodResetsWithAPassThatWorksOnceAndExpires() throws Exception {
        String lena = userId(LOST_EVERYTHING);
        String agent = token(AGENT);
        String pass = passForLena(lena, agent, "");

        ResetJourney reset = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(LOST_EVERYTHING);
        assertThat(reset.html()).contains("Use the temporary access pass from my help desk");
        reset.selectMethod("sspr-temporary-access-pass");
        assertThat(reset.pageTitle()).isEqualTo("Enter your temporary access pass");
        reset.enterCode("ABCD-EFGH-JKLM-NPQR");
        assertThat(reset.html()).contains("That pass is not right.");
        reset.enterCode(pass.toLowerCase().replace("-", " "));
        assertThat(reset.fieldNames()).as("the pass alone proves the policy's two methods").contains("password-new");
        reset.setNewPassword("Lena-New-Passw0rd!");
        assertThat(realm.admin().users().get(lena).credentials()).extracting(CredentialRepresentation::getType)
                .as("a one-time pass is gone once used").doesNotContain("sspr-temporary-access-pass");

        ResetJourney again = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(LOST_EVERYTHING);
        assertThat(again.html()).as("no second use").doesNotContain("temporary access pass");

        passForLena(lena, agent, "lifetimeMinutes=10");
        timeOffSet.set(Duration.ofMinutes(11));
        ResetJourney late = new ResetJourney(urls.getBase(), REALM).start().chooseAccount(LOST_EVERYTHING);
        assertThat(late.html()).as("expired").doesNotContain("temporary access pass");
        assertThat(realm.admin().users().get(lena).credentials()).extracting(CredentialRepresentation::getType)
                .as("an expired pass is removed").doesNotContain("sspr-temporary-access-pass");

        // The audit trail follows each pass from the agent who issued it to its use or its end.
        List<JsonNode> rows = auditRows(LOST_EVERYTHING);
        assertThat(rows).anySatisfy(row -> assertThat(row.path("step").asText() + " " + row.path("outcome").asText()
                + " " + row.path("reason").asText()).isEqualTo("temporary-access-pass success agent " + AGENT));
        assertThat(rows).anySatisfy(row -> assertThat(row.path("step").asText() + " " + row.path("method").asText()
                + " " + row.path("reason").asText())
                .isEqualTo("pass-used sspr-temporary-access-pass agent " + AGENT));
        assertThat(rows).anySatisfy(row -> assertThat(row.path("step").asText() + " " + row.path("reason").asText())
                .isEqualTo("pass-expired agent " + AGENT));
    }

    /**
     * The help desk's hourly ceilings: an agent who issued their pass of the hour, or sent their codes, is stopped with
     * a clear error, and so is every agent once the realm's ceiling is reached; nothing is sent or issued, and each
     * stop is an audit row naming the agent. Two agents of this test alone (Hera, Hugo); the realm's pass ceiling is 1,
     * so that whatever other tests issued this hour, the second pass is the realm's refusal.
     */
    @Test
    void theCeilingsStopAnAgentThenTheWholeHelpDeskWithAClearErrorAndAnAuditRow() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.helpdesk.codes.per.agent", "2", "sspr.helpdesk.passes.per.agent", "1",
                "sspr.helpdesk.passes.per.realm", "1"));
        String cyd = userId("cyd");
        String cam = userId("cam");
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            String hera = token("hera");
            verifyBySms(cyd, hera, twilio, "+4917000000084");
            post("api/users/" + cyd + "/temporary-access-pass", "", hera);
            HttpResponse<String> secondPass = post("api/users/" + cyd + "/temporary-access-pass", "", hera);
            assertThat(secondPass.statusCode()).as(secondPass.body()).isEqualTo(429);
            assertThat(secondPass.body()).contains("sspr_helpdesk_ceiling_agent_passes").doesNotContain("\"pass\"");

            verification(cyd, "restart=1", hera);
            assertThat(verification(cyd, "method=sspr-email", hera).path("state").asText()).isEqualTo("answer");
            verification(cyd, "restart=1", hera);
            HttpResponse<String> thirdCode = post("api/users/" + cyd + "/verification", "method=sspr-sms", hera);
            assertThat(thirdCode.statusCode()).as(thirdCode.body()).isEqualTo(429);
            JsonNode stopped = new ObjectMapper().readTree(thirdCode.body());
            assertThat(stopped.path("error").asText()).isEqualTo("sspr_helpdesk_ceiling_agent_codes");
            assertThat(stopped.path("state").asText()).as("the agent may still pick a method later").isEqualTo("choose");
            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(texts(twilio, "+4917000000084", "verification code")).as("the stopped code was never sent")
                    .hasSize(1);

            String hugo = token("hugo");
            verifyBySms(cam, hugo, twilio, "+4917000000085");
            HttpResponse<String> realmPass = post("api/users/" + cam + "/temporary-access-pass", "", hugo);
            assertThat(realmPass.statusCode()).as(realmPass.body()).isEqualTo(429);
            assertThat(realmPass.body()).contains("sspr_helpdesk_ceiling_realm_passes");
        }
        assertThat(realm.admin().users().get(cam).credentials()).extracting(CredentialRepresentation::getType)
                .doesNotContain("sspr-temporary-access-pass");

        List<JsonNode> rows = auditRows(null);
        for (String stop : List.of("temporary-access-pass agent-passes agent hera", "verification agent-codes agent hera",
                "temporary-access-pass realm-passes agent hugo")) {
            assertThat(rows).as(stop).anySatisfy(row -> assertThat(row.path("step").asText() + " "
                    + row.path("method").asText() + " " + row.path("reason").asText() + " "
                    + row.path("outcome").asText()).isEqualTo(stop + " refused"));
        }
        JsonNode agents = new SsprAdminApi(urls.getBase(), REALM, adminClient).get("insights").path("helpDesk");
        JsonNode heraFigures = null;
        for (JsonNode agent : agents) {
            if ("hera".equals(agent.path("agent").asText())) {
                heraFigures = agent;
            }
        }
        assertThat(heraFigures).as(agents.toString()).isNotNull();
        assertThat(heraFigures.path("verified").asLong()).isEqualTo(1);
        assertThat(heraFigures.path("stoppedByCeiling").asLong()).isEqualTo(2);
        assertThat(heraFigures.path("lookups").asLong()).isZero();
    }

    private List<JsonNode> auditRows(String username) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        new SsprAdminApi(urls.getBase(), REALM, adminClient).get("audit?activity=help_desk&max=1000")
                .forEach(row -> {
                    if (username == null || username.equals(row.path("username").asText())) {
                        rows.add(row);
                    }
                });
        return rows;
    }

    /** The agent verifies Lena by a code mailed to her account address and issues a pass. */
    private String passForLena(String lena, String agent, String options) throws Exception {
        return passByAccountEmail(LOST_EVERYTHING, lena, agent, options);
    }

    /** The agent verifies a caller without methods by a code mailed to the account address and issues a pass. */
    private String passByAccountEmail(String username, String id, String agent, String options) throws Exception {
        int mails = new Inbox(mailServer).mailsTo(username + "@example.org").size();
        JsonNode list = verification(id, "restart=1", agent);
        assertThat(list.path("methods")).extracting(m -> m.path("id").asText()).containsExactly("sspr-account-email");
        verification(id, "method=sspr-account-email", agent);
        String mail = awaitNew(() -> {
            List<String> texts = new ArrayList<>();
            for (jakarta.mail.internet.MimeMessage message : new Inbox(mailServer).mailsTo(username + "@example.org")) {
                texts.add(message.getSubject() + "\n" + MailContent.text(message));
            }
            return texts;
        }, mails);
        assertThat(verification(id, "code=" + Codes.in(mail.substring(mail.indexOf('\n'))), agent)
                .path("state").asText()).isEqualTo("verified");
        HttpResponse<String> issued = post("api/users/" + id + "/temporary-access-pass", options, agent);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return new ObjectMapper().readTree(issued.body()).path("pass").asText();
    }

    /**
     * A pass at sign-in, through a browser flow that offers it beside the password: Mira, who lost every method, signs
     * in with it and registers a new phone without being asked to prove a method she no longer has; the pass does
     * not open a second sign-in.
     */
    @Test
    void aPassSignsTheCallerInToRegisterNewMethodsWithoutProofAndOnlyOnce() throws Exception {
        // The page is on, but asks nobody at sign-in by itself: only the pass sends Mira there.
        RegistrationAdmin.enableRegistration(realm, Map.of("sspr.register.requireAtSignIn", "false",
                "sspr.register.reconfirmDays", "0"));
        String pass = passByAccountEmail(SIGNS_IN_WITH_PASS, userId(SIGNS_IN_WITH_PASS), token(AGENT), "");

        FormBrowser browser = new FormBrowser().open(tapSignInUrl());
        browser.submit(Map.of("username", SIGNS_IN_WITH_PASS));
        assertThat(browser.textOf("sspr-page-title")).as(browser.html()).isEqualTo("Enter your temporary access pass");
        browser.submit(Map.of("code", "ABCD-EFGH-JKLM-NPQR"));
        assertThat(browser.html()).contains("That pass is not right.");
        browser.submit(Map.of("code", pass));
        assertThat(browser.textOf("sspr-page-title")).as("sent to register security info")
                .isEqualTo("Keep your account recoverable");

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            browser.submit(Map.of("action", "add-phone", "phone", "+49 1700 0000082"));
            assertThat(ExistingMethodProof.asked(browser)).as("no proof of a method she lost").isFalse();
            String code = Codes.in(awaitText(twilio, "+4917000000082", "verification code"));
            browser.submit(Map.of("action", "verify", "code", code));
            assertThat(browser.html()).contains("The method has been added.");
        }
        assertThat(RegistrationAdmin.credentialTypes(realm, SIGNS_IN_WITH_PASS)).contains("sspr-mobile-phone")
                .doesNotContain("sspr-temporary-access-pass");

        FormBrowser again = new FormBrowser().open(tapSignInUrl());
        again.submit(Map.of("username", SIGNS_IN_WITH_PASS));
        assertThat(again.html()).as("the pass is used up: the password form again")
                .doesNotContain("Enter your temporary access pass").contains("name=\"password\"");
    }

    private String tapSignInUrl() {
        return urls.getBase() + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=" + TAP_CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + SsprResetRealm.REDIRECT_URI;
    }

    /**
     * Otto locked himself out and lost his alternate address: the agent verifies him by a text, unlocks him, removes
     * the lost address (his contacts are told) and sends him to register at his next sign-in. Nothing of it works
     * for an agent who did not verify him.
     */
    @Test
    void aVerifiedCallerIsUnlockedRidOfALostMethodAndAskedToRegister() throws Exception {
        String otto = userId(LOCKED_OUT);
        for (int attempt = 0; attempt < 3; attempt++) {
            passwordGrant(LOCKED_OUT, "wrong-" + attempt);
        }
        assertThat(passwordGrant(LOCKED_OUT, PASSWORD).statusCode()).as("locked out").isEqualTo(400);
        String agent = token(AGENT);
        assertThat(new ObjectMapper().readTree(helpDesk("api/users?username=" + LOCKED_OUT, agent).body())
                .path("locked").asBoolean()).isTrue();
        String other = token(USER_ADMIN);
        assertThat(post("api/users/" + otto + "/unlock", "", other).statusCode()).as("not verified by this agent")
                .isEqualTo(409);

        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            verifyBySms(otto, agent, twilio, "+4917000000083");
            HttpResponse<String> unlocked = post("api/users/" + otto + "/unlock", "", agent);
            assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(200);
            assertThat(passwordGrant(LOCKED_OUT, PASSWORD).statusCode()).as("unlocked").isEqualTo(200);

            String addressId = RegistrationAdmin.credentialId(realm, LOCKED_OUT, "sspr-alternate-email");
            HttpResponse<String> removed = post("api/users/" + otto + "/remove-method", "credentialId=" + addressId,
                    agent);
            assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
            assertThat(RegistrationAdmin.credentialTypes(realm, LOCKED_OUT)).doesNotContain("sspr-alternate-email")
                    .contains("sspr-mobile-phone");
            assertThat(MailContent.text(new Inbox(mailServer).awaitMailWithSubject("otto.home@example.net",
                    "Your " + REALM + " security info changed"))).as("the removed address is told too").isNotBlank();
            assertThat(post("api/users/" + otto + "/remove-method", "credentialId=" + addressId, agent).statusCode())
                    .isEqualTo(404);

            assertThat(post("api/users/" + otto + "/require-registration", "", agent).statusCode()).isEqualTo(200);
            assertThat(realm.admin().users().get(otto).toRepresentation().getRequiredActions())
                    .contains("sspr-register-security-info");
            assertThat(new ObjectMapper().readTree(helpDesk("api/users?username=" + LOCKED_OUT, agent).body())
                    .path("registrationRequired").asBoolean()).as("the agent's page shows it").isTrue();
        }
        assertThat(realm.admin().getAdminEvents().stream()
                .filter(e -> ("users/" + otto).equals(e.getResourcePath()))
                .map(e -> e.getDetails().get("sspr_action")))
                .contains("unlock", "remove-method", "require-registration");
    }

    private HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + username + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/" + REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRoleOpensTheHelpDeskAndNothingElseOfTheAdminApi() throws Exception {
        String agent = token(AGENT);
        for (String path : List.of("users", "users/count", "roles", "clients", "events", "sspr/insights")) {
            HttpResponse<String> admin = http.send(HttpRequest.newBuilder(
                            URI.create(urls.getBase() + "/admin/realms/" + REALM + "/" + path))
                    .header("Authorization", "Bearer " + agent).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.statusCode()).as("%s: %s", path, admin.body()).isEqualTo(403);
        }
        assertThat(helpDesk("api/users?username=" + CALLER, token(USER_ADMIN)).statusCode())
                .as("a realm administrator may use it too").isEqualTo(200);
    }

    @Test
    void aPlainUserAndACallerWithoutATokenAreRefused() throws Exception {
        assertThat(helpDesk("api/users?username=" + CALLER, token(PLAIN)).statusCode()).isEqualTo(403);
        assertThat(helpDesk("api/users?username=" + CALLER, token(CALLER)).statusCode())
                .as("not even about herself").isEqualTo(403);
        assertThat(helpDesk("api/users?username=" + CALLER, null).statusCode()).isEqualTo(401);
        assertThat(helpDesk("api/users?username=" + CALLER, "forged.token.value").statusCode()).isEqualTo(401);
    }

    @Test
    void everyRealmHasTheAgentRoleAndThePagesClientWithoutBeingToldToButTheMasterRealmHasNoHelpDesk()
            throws Exception {
        RealmRepresentation fresh = new RealmRepresentation();
        fresh.setRealm("sspr-helpdesk-fresh");
        fresh.setEnabled(true);
        adminClient.realms().create(fresh);
        try {
            assertThat(adminClient.realm("sspr-helpdesk-fresh").roles().get("sspr-helpdesk-agent").toRepresentation()
                    .getDescription()).startsWith("SSPR help desk");
            ClientRepresentation page = adminClient.realm("sspr-helpdesk-fresh").clients()
                    .findByClientId("sspr-helpdesk").get(0);
            assertThat(page.isPublicClient()).isTrue();
            assertThat(page.isDirectAccessGrantsEnabled()).as("no password grant through the page's client").isFalse();
            assertThat(page.isImplicitFlowEnabled()).isFalse();
            assertThat(page.isFullScopeAllowed()).as("the help desk's roles only in its tokens").isFalse();
            assertThat(page.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
            assertThat(page.getRedirectUris()).containsExactly("/realms/sspr-helpdesk-fresh/sspr-helpdesk/");
        } finally {
            adminClient.realm("sspr-helpdesk-fresh").remove();
        }
        assertThat(adminClient.realm("master").roles().list()).extracting(RoleRepresentation::getName)
                .doesNotContain("sspr-helpdesk-agent");
        assertThat(adminClient.realm("master").clients().findByClientId("sspr-helpdesk")).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/master/sspr-helpdesk/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private JsonNode verification(String userId, String form, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/"
                        + REALM + "/sspr-helpdesk/api/users/" + userId + "/verification"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private HttpResponse<String> helpDesk(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/" + REALM
                + "/sspr-helpdesk/" + path)).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String username) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + username + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/"
                        + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    public static final class HelpDeskRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-email##sspr-sms##sspr-totp",
                            "sspr.methods.required", "2",
                            "sspr.attempts.per.account", String.valueOf(ATTEMPTS),
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setEventsListeners(List.of("jboss-logging", "sspr"));
                        rep.setAdminEventsEnabled(true);
                        rep.setBruteForceProtected(true);
                        rep.setFailureFactor(3);
                        rep.setAdminEventsDetailsEnabled(true);
                        // The realm import may bring the agent role; a realm created without it gets it anyway.
                        RolesRepresentation roles = new RolesRepresentation();
                        List<RoleRepresentation> realmRoles = new ArrayList<>();
                        realmRoles.add(new RoleRepresentation("sspr-helpdesk-agent", "SSPR help desk agents", false));
                        roles.setRealm(realmRoles);
                        rep.setRoles(roles);
                        addPassSignIn(rep);
                    })
                    .users(user(AGENT).realmRoles("default-roles-" + REALM, "sspr-helpdesk-agent"),
                            user(PLAIN).realmRoles("default-roles-" + REALM),
                            user(USER_ADMIN).realmRoles("default-roles-" + REALM)
                                    .clientRoles("realm-management", "manage-users"),
                            user(CALLER).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone(CALLER_PHONE))
                                    .credential(SeededCredentials.alternateEmail(CALLER_ALTERNATE)),
                            user(PASS_USER).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000080"))
                                    .credential(SeededCredentials.alternateEmail("tara.home@example.net")),
                            user(ADMINISTRATOR).realmRoles("default-roles-" + REALM)
                                    .clientRoles("realm-management", "view-users")
                                    .credential(SeededCredentials.mobilePhone("+4917000000081"))
                                    .credential(SeededCredentials.alternateEmail(ADMINISTRATOR_ALTERNATE)),
                            user(REALM_ADMIN).realmRoles("default-roles-" + REALM)
                                    .clientRoles("realm-management", "realm-admin"),
                            user(LOST_EVERYTHING).realmRoles("default-roles-" + REALM),
                            user(SIGNS_IN_WITH_PASS).realmRoles("default-roles-" + REALM),
                            user(LOCKED_OUT).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000083"))
                                    .credential(SeededCredentials.alternateEmail("otto.home@example.net")),
                            user("hera").realmRoles("default-roles-" + REALM, "sspr-helpdesk-agent"),
                            user("hugo").realmRoles("default-roles-" + REALM, "sspr-helpdesk-agent"),
                            user("cyd").realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000084"))
                                    .credential(SeededCredentials.alternateEmail("cyd.home@example.net")),
                            user("cam").realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000085"))
                                    .credential(SeededCredentials.alternateEmail("cam.home@example.net")),
                            user(GUESSED).realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000079"))
                                    .credential(SeededCredentials.alternateEmail("cleo.home@example.net")));
        }

        /**
         * A client whose browser flow offers the pass beside the password, after the username form, as the docs tell
         * admins to set it up: cookie, or (username, then the pass or the password).
         */
        private static void addPassSignIn(RealmRepresentation rep) {
            List<AuthenticationFlowRepresentation> flows = new ArrayList<>(rep.getAuthenticationFlows());
            AuthenticationFlowRepresentation top = Flows.flow("tap browser", "basic-flow", true,
                    Flows.execution("auth-cookie", "ALTERNATIVE", 10), Flows.subflow("tap browser forms", "ALTERNATIVE", 20));
            top.setId(TAP_FLOW_ID);
            flows.add(top);
            flows.add(Flows.flow("tap browser forms", "basic-flow", false,
                    Flows.execution("auth-username-form", "REQUIRED", 10),
                    Flows.subflow("tap browser first factor", "REQUIRED", 20)));
            flows.add(Flows.flow("tap browser first factor", "basic-flow", false,
                    Flows.execution("sspr-temporary-access-pass", "ALTERNATIVE", 10),
                    Flows.execution("auth-password-form", "ALTERNATIVE", 20)));
            rep.setAuthenticationFlows(flows);
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(TAP_CLIENT);
            client.setPublicClient(true);
            client.setStandardFlowEnabled(true);
            client.setRedirectUris(List.of(SsprResetRealm.REDIRECT_URI));
            client.setAuthenticationFlowBindingOverrides(Map.of("browser", TAP_FLOW_ID));
            List<ClientRepresentation> clients = new ArrayList<>(rep.getClients() == null ? List.of() : rep.getClients());
            clients.add(client);
            rep.setClients(clients);
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + "@example.org").emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
