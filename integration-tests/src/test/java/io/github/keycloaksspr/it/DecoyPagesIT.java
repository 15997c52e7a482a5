package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AwayFromWindowEnd;
import io.github.keycloaksspr.it.support.BackgroundSends;
import io.github.keycloaksspr.it.support.RealmEvents;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.ResetPolicy;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
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
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * An observer who types names into "Forgot password?" and compares whole pages: a registered account, an account
 * without security info, a disabled account, an account outside the policy's scope and a name nobody has must get
 * the same HTML on every page of the flow, once the values every request changes (session codes, tab ids, the typed
 * name, the masked hints) are normalized: the method list, each code page, a refresh, a wrong code, an expired code,
 * an exhausted send budget, the generic ending, the blocked pages. Under a one-method policy an administrator's pages
 * equal a user's. The hints of a name are stable and its own; nothing reaches anyone but the registered account.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
@ExtendWith(AwayFromWindowEnd.class)
class DecoyPagesIT {

    static final String REGISTERED = "rita.registered";
    static final String REGISTERED_PHONE = "+4917000000071";
    static final String REGISTERED_ALTERNATE = "rita.home@example.net";
    static final String UNREGISTERED = "ulla.unregistered";
    static final String DISABLED = "dora.disabled";
    static final String DISABLED_PHONE = "+4917000000073";
    static final String DISABLED_ALTERNATE = "dora.home@example.net";
    static final String OTHER_DISABLED = "dirk.disabled";
    static final String OTHER_DISABLED_PHONE = "+4917000000077";
    static final String OUT_OF_SCOPE = "otto.outside";
    static final String UNKNOWN = "nina.nobody";
    static final String ADMIN = "ada.admin";
    static final String USER = "uwe.user";
    static final String USER_PHONE = "+4917000000076";
    static final String APP_USER = "tara.app";
    static final String PASSWORD = "Current-Passw0rd!";
    /** The pack's predefined questions: the pool of a realm that configures none. */
    static final List<String> PREDEFINED_QUESTIONS = List.of(
            "What was the name of your first pet?",
            "In which city were you born?",
            "What was the name of your first school?",
            "What is the first name of your childhood best friend?",
            "What was the make of your first car?",
            "What was the first concert you went to?",
            "What was the surname of your favourite teacher?",
            "What was your first job?",
            "In which city did your parents meet?",
            "What was your childhood nickname?");
    static final String END_NOT_VERIFIED = "We could not verify your identity.";
    static final String BLOCKED = "Too many attempts: self-service password reset is blocked";
    /** Wrong answers an account may give before it is blocked: the walks below give exactly this many. */
    static final int ATTEMPTS = 9;

    private static final Pattern PER_REQUEST = Pattern.compile("(session_code|execution|tab_id|client_data)=[^&\"]*");
    /** The hash of the browser's authentication session that Keycloak's login page script compares. */
    private static final Pattern AUTH_SESSION_CHECK = Pattern.compile("checkAuthSession\\(\\s*\"[^\"]*\"");
    private static final Pattern PHONE_HINT = Pattern.compile("\\+49 \u2022\u2022\u2022 \u2022\u2022 \\d\\d");
    private static final Pattern MAIL_HINT = Pattern.compile("\\p{L}\u2022\u2022\u2022@(\u2022\u2022\u2022|[a-z0-9.-]+\\.[a-z]+)");

    @InjectRealm(config = DecoyRealm.class)
    ManagedRealm realm;

    @InjectMailServer
    MailServer mailServer;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    @Test
    void everyPageOfEveryKindOfNameThatCannotResetIsTheRegisteredAccountsPage() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            Map<String, List<String>> walks = new LinkedHashMap<>();
            for (String name : List.of(REGISTERED, UNREGISTERED, DISABLED, OUT_OF_SCOPE, UNKNOWN)) {
                walks.put(name, walk(name));
            }
            List<String> registered = walks.get(REGISTERED);
            assertThat(registered).as("pages of the walk").hasSize(15);
            walks.forEach((name, pages) -> {
                for (int i = 0; i < registered.size(); i++) {
                    assertThat(pages.get(i)).as("page %d of %s", i + 1, name).isEqualTo(registered.get(i));
                }
            });
            // The walk reached the state each page is about.
            assertThat(registered.get(2)).as("refresh").contains("We texted a code to <phone hint>")
                    .doesNotContain("That code is not right");
            assertThat(registered.get(3)).contains("That code is not right");
            assertThat(registered.get(6)).contains("The code has expired");
            assertThat(registered.get(7)).contains("Too many wrong attempts").doesNotContain("sspr-method-sspr-sms");
            assertThat(registered.get(9)).contains(END_NOT_VERIFIED);
            assertThat(registered.get(10)).contains("We texted a code to <phone hint>");
            assertThat(registered.get(11)).contains("Too many codes were requested");
            assertThat(registered.get(13)).as("the last wrong answer").contains(BLOCKED).contains("name=\"code\"");
            assertThat(registered.get(14)).as("then the start page").contains(BLOCKED).doesNotContain("name=\"code\"");

            BackgroundSends.awaitIdle(urls.getMetric());
            assertThat(twilio.twilio().requests()).as("texts reached the registered account only").isNotEmpty()
                    .allSatisfy(request -> assertThat(request.to()).isEqualTo(REGISTERED_PHONE));
        }
        // Codes went to the registered alternate address; the block of the walk is told to the owner (account
        // address and alternate address). Nothing reached the accounts behind the stand-ins.
        assertThat(mailServer.getReceivedMessages()).as("mails reached the registered account only").isNotEmpty()
                .allSatisfy(mail -> assertThat(recipient(mail)).isIn(REGISTERED_ALTERNATE, REGISTERED + "@example.org"))
                .anySatisfy(mail -> assertThat(mail.getSubject()).contains("was blocked"));
        assertThat(RealmEvents.ssprDetails(realm)).as("the events tell the truth")
                .anySatisfy(d -> assertThat(d).containsEntry("sspr_reason", "user_not_found"))
                .anySatisfy(d -> assertThat(d).containsEntry("sspr_reason", "not_registered"))
                .anySatisfy(d -> assertThat(d).containsEntry("sspr_reason", "user_disabled"))
                .anySatisfy(d -> assertThat(d).containsEntry("sspr_reason", "out_of_scope"));
    }

    /**
     * Five journeys of one name, fifteen pages: the method list, a code page, its refresh, a wrong code, the list
     * again, the other method's code page, its code expired; both methods spent and the generic ending; the send
     * budget exhausted; the last wrong answer and the blocked start page.
     */
    private List<String> walk(String name) throws Exception {
        List<String> pages = new ArrayList<>();
        ResetJourney journey = journey().chooseAccount(name);
        pages.add(normalized(journey, name));
        pages.add(normalized(journey.selectMethod("sspr-sms"), name));
        pages.add(normalized(journey.refresh(), name));
        pages.add(normalized(journey.enterCode("000000"), name));
        pages.add(normalized(journey.chooseOtherMethod(), name));
        pages.add(normalized(journey.selectMethod("sspr-email"), name));
        timeOffSet.set(Duration.ofMinutes(2));
        try {
            pages.add(normalized(journey.enterCode("000000"), name));
        } finally {
            timeOffSet.set(Duration.ZERO);
        }

        ResetJourney spending = journey().chooseAccount(name).selectMethod("sspr-sms");
        spending.enterCode("000000").enterCode("000000").enterCode("000000");
        pages.add(normalized(spending, name));
        spending.selectMethod("sspr-email").enterCode("000000").enterCode("000000");
        pages.add(normalized(spending, name));
        pages.add(normalized(spending.enterCode("000000"), name));

        // The third text to the same number within the window is refused (budget: 3 per destination).
        pages.add(normalized(journey().chooseAccount(name).selectMethod("sspr-sms"), name));
        pages.add(normalized(journey().chooseAccount(name).selectMethod("sspr-sms"), name));

        ResetJourney blocking = journey().chooseAccount(name).selectMethod("sspr-email");
        pages.add(normalized(blocking.enterCode("000000"), name));
        pages.add(normalized(blocking.enterCode("000000"), name));
        pages.add(normalized(blocking.enterCode("000000"), name));
        return pages;
    }

    @Test
    void anAdministratorsPagesUnderAOneMethodPolicyAreAUsersPages() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.methods.required", "1"));
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer)) {
            List<String> admin = shortWalk(ADMIN);
            List<String> user = shortWalk(USER);

            assertThat(admin).isEqualTo(user);
            assertThat(admin.get(0)).contains("Verification step 1 of 1");
        }
    }

    /** The method list, a code page, a wrong code and the list again. */
    private List<String> shortWalk(String name) throws Exception {
        ResetJourney journey = journey().chooseAccount(name);
        List<String> pages = new ArrayList<>();
        pages.add(normalized(journey, name));
        pages.add(normalized(journey.selectMethod("sspr-sms"), name));
        pages.add(normalized(journey.enterCode("000000"), name));
        pages.add(normalized(journey.chooseOtherMethod(), name));
        return pages;
    }

    /**
     * The authenticator-app and security-question pages: the same for a registered account, an account without
     * security info and an unknown name. The question texts are normalized like hints; a stand-in's questions come
     * from the realm's pool and stay the same for the same name.
     */
    @Test
    void appAndQuestionPagesAreTheSameForEveryName() throws Exception {
        ResetPolicy.set(realm, Map.of("sspr.methods", "sspr-totp##sspr-questions"));
        List<String> registered = appAndQuestionsWalk(APP_USER);
        assertThat(registered.get(2)).contains("That code is not right");
        assertThat(registered.get(5)).contains("At least one answer is not right");
        assertThat(appAndQuestionsWalk("uli.unregistered")).isEqualTo(registered);
        assertThat(appAndQuestionsWalk("quentin.nobody")).isEqualTo(registered);

        List<String> asked = journey().chooseAccount("quentin.nobody").selectMethod("sspr-questions").askedQuestions();
        assertThat(asked).hasSize(3).allSatisfy(q -> assertThat(PREDEFINED_QUESTIONS).contains(q));
        assertThat(journey().chooseAccount("quentin.nobody").selectMethod("sspr-questions").askedQuestions())
                .as("the same name, the same questions").containsExactlyInAnyOrderElementsOf(asked);
    }

    /** The method list, the app's code page, a wrong code, the list, the questions page, wrong answers. */
    private List<String> appAndQuestionsWalk(String name) throws Exception {
        ResetJourney journey = journey().chooseAccount(name);
        List<String> pages = new ArrayList<>();
        pages.add(normalized(journey, name));
        pages.add(normalized(journey.selectMethod("sspr-totp"), name));
        pages.add(normalized(journey.enterCode("000000"), name));
        pages.add(normalized(journey.chooseOtherMethod(), name));
        pages.add(normalized(journey.selectMethod("sspr-questions"), name));
        pages.add(normalized(journey.answer(List.of("wrong one", "wrong two", "wrong three")), name));
        return pages;
    }

    @Test
    void aNameKeepsItsOwnMadeUpHintsAndNeverShowsARealUsersData() throws Exception {
        // Names no other test here blocks.
        List<String> first = hints(journey().chooseAccount("nora.nobody"));
        List<String> again = hints(journey().chooseAccount("nora.nobody"));
        List<String> other = hints(journey().chooseAccount("nils.nobody"));
        List<String> disabled = hints(journey().chooseAccount(OTHER_DISABLED));

        assertThat(first).hasSize(2).isEqualTo(again);
        assertThat(first.get(0)).matches(PHONE_HINT);
        assertThat(first.get(1)).matches(MAIL_HINT);
        assertThat(other).as("another name, other hints").isNotEqualTo(first);
        assertThat(disabled).as("a disabled account's stand-in shows none of its real data")
                .hasSize(2).isNotEqualTo(List.of(mask(OTHER_DISABLED_PHONE), "d\u2022\u2022\u2022@gmail.com"));
        assertThat(hints(journey().chooseAccount(USER)))
                .containsExactly(mask(USER_PHONE), "u\u2022\u2022\u2022@gmail.com");
    }

    private ResetJourney journey() throws Exception {
        return new ResetJourney(urls.getBase(), realm.getName()).start();
    }

    private static List<String> hints(ResetJourney journey) {
        return Pattern.compile("<span class=\"sspr-hint\">([^<]*)</span>").matcher(journey.html()).results()
                .map(m -> m.group(1).strip()).toList();
    }

    private static String mask(String e164) {
        return e164.substring(0, 3) + " \u2022\u2022\u2022 \u2022\u2022 " + e164.substring(e164.length() - 2);
    }

    /**
     * The page as two observers compare it: per-request values, the typed name and the masked hints replaced by
     * their kind. A hint of another shape than a registered account's stays and makes the pages differ.
     */
    static String normalized(ResetJourney journey, String typedName) {
        String html = journey.html();
        for (String question : journey.askedQuestions()) {
            html = html.replaceAll(">\\s*" + Pattern.quote(question) + "\\s*<", "><question><");
        }
        html = PER_REQUEST.matcher(html).replaceAll("$1=*");
        html = AUTH_SESSION_CHECK.matcher(html).replaceAll("checkAuthSession(*");
        html = html.replace(typedName, "<typed name>");
        html = PHONE_HINT.matcher(html).replaceAll("<phone hint>");
        return MAIL_HINT.matcher(html).replaceAll("<mail hint>");
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class DecoyRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-decoy-pages"), Map.ofEntries(
                            Map.entry("sspr.methods", "sspr-sms##sspr-email"),
                            Map.entry("sspr.methods.required", "2"),
                            Map.entry("sspr.scope", "GROUP"),
                            Map.entry("sspr.scope.group", "/sspr-users"),
                            Map.entry("sspr.phone.region", "DE"),
                            Map.entry("sspr.code.lifetime.minutes", "1"),
                            Map.entry("sspr.budget.sends.per.destination", "3"),
                            Map.entry("sspr.budget.sends.per.user", "50"),
                            Map.entry("sspr.budget.sends.per.ip", "100"),
                            Map.entry("sspr.attempts.per.account", Integer.toString(ATTEMPTS)),
                            Map.entry("sspr.attempts.per.ip", "100"),
                            Map.entry("sspr.captcha.difficulty", "1000")))
                    .groups("sspr-users")
                    .users(registered(REGISTERED, REGISTERED_PHONE, REGISTERED_ALTERNATE).groups("sspr-users"),
                            person(UNREGISTERED).groups("sspr-users"),
                            registered(DISABLED, DISABLED_PHONE, DISABLED_ALTERNATE).enabled(false)
                                    .groups("sspr-users"),
                            registered(OUT_OF_SCOPE, "+4917000000074", "otto.home@example.net"),
                            registered(ADMIN, "+4917000000075", "ada.home@example.net").groups("sspr-users")
                                    .clientRoles("realm-management", "manage-users"),
                            registered(USER, USER_PHONE, "uwe.home@gmail.com").groups("sspr-users"),
                            registered(OTHER_DISABLED, OTHER_DISABLED_PHONE, "dirk.home@gmail.com").enabled(false)
                                    .groups("sspr-users"),
                            person(APP_USER).groups("sspr-users").totpSecret("decoy-pages-totp-secret-0001")
                                    .credential(SeededCredentials.securityQuestions(SelfServiceResetIT.TomAnswers.BY_KEY)),
                            person("uli.unregistered").groups("sspr-users"));
        }

        private static UserBuilder registered(String name, String phone, String alternate) {
            return person(name).credential(SeededCredentials.mobilePhone(phone))
                    .credential(SeededCredentials.alternateEmail(alternate));
        }

        private static UserBuilder person(String name) {
            return UserBuilder.create(name).email(name + "@example.org").emailVerified(true)
                    .name(name, "Example").password(PASSWORD).enabled(true);
        }
    }
}
