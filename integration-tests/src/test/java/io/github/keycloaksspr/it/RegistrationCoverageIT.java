package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprAdminApi;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * What an administrator asks before and after rolling SSPR out: who can reset (capable: registered for as many
 * distinct methods as the policy asks, administrators two and never questions) beside who confirmed their info, and
 * what a stricter policy would do, by name, before it is saved. Policy: email, SMS, call, app and questions, one
 * required, everybody in scope.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class RegistrationCoverageIT {

    static final String REALM = "sspr-coverage";
    static final String PASSWORD = "Current-Passw0rd!";
    static final String METHODS = "sspr-email##sspr-sms##sspr-voice##sspr-totp##sspr-questions";
    static final String CSV_HEADER = "id,username,methods";

    @InjectRealm(config = CoverageRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectAdminClient
    Keycloak adminClient;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aUserWithTwoMethodsAndNoConfirmationCountsAsCapableNotConfirmed() throws Exception {
        JsonNode coverage = api().get("insights").get("registration");

        // "solo" holds one user, with a phone and an alternate email, who never confirmed.
        JsonNode solo = group(coverage, "solo");
        assertThat(solo.get("members").asLong()).isEqualTo(1);
        assertThat(solo.get("capable").asLong()).as("two methods: capable").isEqualTo(1);
        assertThat(solo.get("confirmed").asLong()).as("never confirmed").isZero();

        assertThat(coverage.get("usersInScope").asLong()).as("enabled people, the disabled one left out")
                .isEqualTo(12);
        // Capable: everybody with a counted method but "nobody", the administrator with a phone and questions only,
        // the auditor (an administrator too, by the realm-management role) who has none, and the help-desk agent
        // (an administrator through a client's composite role) with an alternate email and questions.
        assertThat(coverage.get("capable").asLong()).isEqualTo(8);
        assertThat(coverage.get("confirmed").asLong()).as("confirmed within the period; an old one expired")
                .isEqualTo(1);
        assertThat(coverage.get("methodsRequired").asInt()).isEqualTo(1);
        assertThat(coverage.get("byMethod").toString()).isEqualTo(
                "{\"sspr-email\":5,\"sspr-sms\":7,\"sspr-voice\":7,\"sspr-totp\":1,\"sspr-questions\":3}");
        JsonNode helpdesk = group(coverage, "helpdesk");
        assertThat(helpdesk.get("members").asLong()).isEqualTo(2);
        assertThat(helpdesk.get("capable").asLong()).as("an administrator with phone and questions is not capable")
                .isEqualTo(1);
    }

    @Test
    void switchingFromOneToTwoRequiredMethodsReportsExactlyTheUsersWithOneMethod() throws Exception {
        JsonNode impact = api().get("impact?required=2");

        assertThat(impact.at("/today/methodsRequired").asInt()).isEqualTo(1);
        assertThat(impact.at("/proposed/methodsRequired").asInt()).isEqualTo(2);
        assertThat(impact.at("/today/capable").asLong()).isEqualTo(8);
        assertThat(impact.at("/proposed/capable").asLong()).isEqualTo(4);
        assertThat(impact.get("losingSspr").asLong()).isEqualTo(4);
        assertThat(impact.get("gainingSspr").asLong()).isZero();
        assertThat(usernames(impact.get("losing")))
                .containsExactly("late.app", "one.app", "one.phone", "one.questions");

        HttpResponse<String> csv = api().send("impact?required=2", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"sspr-impact-" + REALM + ".csv\"");
        // A phone registers SMS and call, one factor; the app set up unvetted is not listed.
        assertThat(csv.body()).isEqualTo(CSV_HEADER + "\r\n"
                + id("late.app") + ",late.app,sspr-sms sspr-voice\r\n"
                + id("one.app") + ",one.app,sspr-totp\r\n"
                + id("one.phone") + ",one.phone,sspr-sms sspr-voice\r\n"
                + id("one.questions") + ",one.questions,sspr-questions\r\n");
        assertThat(realm.admin().getAdminEvents()).as("each read is an admin event with the proposal")
                .anySatisfy(event -> {
                    assertThat(event.getOperationType()).isEqualTo("ACTION");
                    assertThat(event.getResourcePath()).endsWith("sspr/impact");
                    assertThat(event.getDetails()).containsEntry("sspr_required", "2")
                            .containsEntry("sspr_format", "csv");
                });
    }

    @Test
    void droppingMethodsOrNarrowingTheScopeNamesWhoLosesAndWhoGains() throws Exception {
        JsonNode withoutAppAndQuestions = api().get("impact?methods=" + enc("sspr-email,sspr-sms,sspr-voice"));
        assertThat(usernames(withoutAppAndQuestions.get("losing")))
                .containsExactly("one.app", "one.questions");

        JsonNode soloOnly = api().get("impact?scope=GROUP&group=" + enc("/solo"));
        assertThat(soloOnly.at("/proposed/usersInScope").asLong()).isEqualTo(1);
        assertThat(soloOnly.at("/proposed/capable").asLong()).isEqualTo(1);
        assertThat(soloOnly.get("losingSspr").asLong()).isEqualTo(7);
        assertThat(usernames(soloOnly.get("losing"))).doesNotContain("two.methods");

        JsonNode page = api().get("impact?required=2&first=1&max=2");
        assertThat(usernames(page.get("losing"))).containsExactly("one.app", "one.phone");
        JsonNode pastTheEnd = api().get("impact?required=2&first=50");
        assertThat(pastTheEnd.get("losing")).isEmpty();
        assertThat(pastTheEnd.get("losingSspr").asLong()).as("the figures do not depend on the page").isEqualTo(4);
    }

    @Test
    void aProposalTheResetCouldNotRunIsRefusedWithTheSettingNamedAndNothingChanges() throws Exception {
        assertRefused("impact?required=3", "sspr.methods.required");
        assertRefused("impact?methods=" + enc("sspr-email,sspr-carrier-pigeon"), "unknown method sspr-carrier-pigeon");
        assertRefused("impact?scope=GROUP&group=" + enc("/no-such-group"), "'/no-such-group' does not exist");
        assertRefused("impact?scope=SOME", "sspr.scope");
        assertRefused("impact?required=2&max=0", "'max' 1 to");

        assertThat(api().get("insights").at("/registration/methodsRequired").asInt()).isEqualTo(1);
        assertThat(api().get("impact").get("losingSspr").asLong()).as("today against itself").isZero();
    }

    /** It lists users by name: an administrator who may read events and the realm, but not users, is refused. */
    @Test
    void anAdministratorWhoMayNotViewUsersCannotListWhoLosesReset() throws Exception {
        String token = passwordGrant("auditor");

        assertThat(get("insights", token).statusCode()).as("insights need view-events only").isEqualTo(200);
        HttpResponse<String> impact = get("impact?required=2", token);
        assertThat(impact.statusCode()).isEqualTo(403);
        assertThat(impact.body()).doesNotContain("one.phone");
    }

    private void assertRefused(String path, String why) throws Exception {
        HttpResponse<String> response = api().send(path, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(why);
    }

    private static JsonNode group(JsonNode coverage, String name) {
        for (JsonNode group : coverage.get("byGroup")) {
            if (name.equals(group.get("group").asText())) {
                return group;
            }
        }
        throw new AssertionError("no group " + name + " in " + coverage.get("byGroup"));
    }

    private static List<String> usernames(JsonNode users) {
        return java.util.stream.StreamSupport.stream(users.spliterator(), false)
                .map(u -> u.get("username").asText()).toList();
    }

    private String id(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    private SsprAdminApi api() {
        return new SsprAdminApi(urls.getBase(), realm.getName(), adminClient);
    }

    private String passwordGrant(String username) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + username + "&password=" + enc(PASSWORD);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/realms/"
                        + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + REALM + "/sspr/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static final class CoverageRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            Instant now = Instant.now();
            String confirmedNow = Long.toString(now.getEpochSecond());
            String confirmedLongAgo = Long.toString(now.minus(400, ChronoUnit.DAYS).getEpochSecond());
            long firstSeen = now.minus(1, ChronoUnit.DAYS).toEpochMilli();
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", METHODS,
                            "sspr.methods.required", "1",
                            "sspr.admin.group", "/helpdesk",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setGroups(List.of(group("solo"), group("helpdesk")));
                        rep.setAdminEventsEnabled(true);
                        rep.setClients(new ArrayList<>(rep.getClients() == null ? List.of() : rep.getClients()));
                        ClientRepresentation app = new ClientRepresentation();
                        app.setClientId("helpdesk-app");
                        app.setEnabled(true);
                        rep.getClients().add(app);
                        // A client's composite role that holds a realm-management role makes an administrator.
                        RoleRepresentation agent = new RoleRepresentation("agent", null, false);
                        agent.setComposite(true);
                        RoleRepresentation.Composites holds = new RoleRepresentation.Composites();
                        holds.setClient(Map.of("realm-management", List.of("view-users")));
                        agent.setComposites(holds);
                        if (rep.getRoles() == null) {
                            rep.setRoles(new RolesRepresentation());
                        }
                        rep.getRoles().setClient(Map.of("helpdesk-app", List.of(agent)));
                    })
                    .users(person("two.methods").credential(phone("01")).credential(email("two.methods"))
                                    .groups("/solo"),
                            person("one.phone").credential(phone("02")),
                            person("one.questions").credential(questions()),
                            person("one.app").credential(SeededCredentials.authenticatorApp(
                                    "coverage-secret-one-app-0001", firstSeen)),
                            // Set up with the password after the pack first saw the user: it proves nothing.
                            person("late.app").credential(phone("03"))
                                    .credential(SeededCredentials.authenticatorApp("coverage-secret-late-0001",
                                            now.toEpochMilli()))
                                    .attribute("sspr.vettedUntil", Long.toString(firstSeen)),
                            person("nobody"),
                            person("confirmed.two").credential(phone("04")).credential(email("confirmed.two"))
                                    .attribute("sspr.confirmedAt", confirmedNow),
                            person("expired.two").credential(phone("08")).credential(email("expired.two"))
                                    .attribute("sspr.confirmedAt", confirmedLongAgo),
                            person("admin.questions").credential(phone("05")).credential(questions())
                                    .groups("/helpdesk"),
                            person("admin.two").credential(phone("06")).credential(email("admin.two"))
                                    .groups("/helpdesk"),
                            person("auditor").clientRoles("realm-management", "view-realm", "view-events"),
                            person("agent").credential(email("agent")).credential(questions())
                                    .clientRoles("helpdesk-app", "agent"),
                            person("disabled.two").credential(phone("07")).credential(email("disabled.two"))
                                    .enabled(false));
        }

        private static GroupRepresentation group(String name) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            return group;
        }

        private static UserBuilder person(String username) {
            return UserBuilder.create(username).email(username + "@coverage.example").emailVerified(true)
                    .name(username, "Example").password(PASSWORD).enabled(true);
        }

        private static org.keycloak.representations.idm.CredentialRepresentation phone(String last) {
            return SeededCredentials.mobilePhone("+49170000001" + last);
        }

        private static org.keycloak.representations.idm.CredentialRepresentation email(String username) {
            return SeededCredentials.alternateEmail(username + ".home@coverage.example");
        }

        private static org.keycloak.representations.idm.CredentialRepresentation questions() {
            return SeededCredentials.securityQuestions(SelfServiceResetIT.TomAnswers.BY_KEY);
        }
    }
}
