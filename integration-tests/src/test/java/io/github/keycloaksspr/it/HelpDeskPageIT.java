package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.it.support.AxeAudit;
import io.github.keycloaksspr.it.support.ChromiumBrowser;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import io.github.keycloaksspr.it.support.TwilioAccount;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;
import org.keycloak.testframework.annotations.InjectHttpServer;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.Keys;

/**
 * The agent's page in a real Chromium, with the keyboard alone: the agent signs in (the page's own client, code flow
 * with PKCE), finds the caller, sends a text-message code, types the code the caller reads back, issues a Temporary
 * Access Pass and removes a lost method. Every step is checked with axe-core (WCAG 2.1 A/AA) in English and Japanese,
 * and saved as a screenshot for the help-desk guide ({@code -Dsspr.screenshots=../docs/images}).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class HelpDeskPageIT {

    static final String REALM = "sspr-helpdesk-page";
    static final String PASSWORD = "Lantern-Harbor-Kestrel-58";
    static final String AGENT = "hedy";
    static final List<String> LOCALES = List.of("en", "ja");

    @InjectRealm(config = PageRealm.class)
    ManagedRealm realm;

    @InjectHttpServer
    HttpServer httpServer;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private final AxeAudit axe = new AxeAudit();

    @Test
    void anAgentVerifiesACallerIssuesAPassAndRemovesALostMethodWithTheKeyboardAlone() throws Exception {
        try (TwilioAccount.Registration twilio = TwilioAccount.standInOn(httpServer);
             ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), REALM)) {
            for (String locale : LOCALES) {
                String caller = "en".equals(locale) ? "cora" : "cole";
                String phone = "en".equals(locale) ? "+4917000000741" : "+4917000000742";
                signIn(browser, locale);
                axe.check(browser, locale, "helpdesk-find");

                browser.type(caller).type(Keys.ENTER).awaitShown("sspr-choose-form");
                assertThat(browser.textOf("sspr-card-title")).contains(caller);
                assertThat(browser.textOf("sspr-card-methods")).as("masked as the reset shows them")
                        .contains("+49 \u2022\u2022\u2022 \u2022\u2022 4").doesNotContain(phone.substring(3));
                // The first method has the focus: the arrow keys move to the text message, Enter sends it.
                assertThat(browser.focused()).startsWith("sspr-choose-");
                for (int i = 0; i < 5 && !browser.focused().equals("sspr-choose-sspr-sms"); i++) {
                    browser.type(Keys.ARROW_DOWN);
                }
                assertThat(browser.focused()).isEqualTo("sspr-choose-sspr-sms");
                axe.check(browser, locale, "helpdesk-verify");
                int texts = twilio.twilio().requests().size();
                browser.type(Keys.SPACE, Keys.ENTER).awaitShown("sspr-code-form");
                String code = Codes.in(textTo(twilio, phone, texts).body());
                assertThat(browser.text()).as("the agent never sees the code before the caller reads it")
                        .doesNotContain(code);
                assertThat(browser.focused()).isEqualTo("sspr-code");
                axe.check(browser, locale, "helpdesk-code");

                browser.type(Codes.wrongFor(code), Keys.ENTER).awaitShown("sspr-helpdesk-alert");
                if ("en".equals(locale)) {
                    assertThat(browser.textOf("sspr-helpdesk-error")).isEqualTo("That code is not right. Please try again.");
                }
                assertThat(browser.focused()).as("the field, emptied, for the next try").isEqualTo("sspr-code");
                browser.type(code, Keys.ENTER).awaitShown("sspr-actions");
                if ("en".equals(locale)) {
                    assertThat(browser.textOf("sspr-verify-result")).startsWith("Caller verified.");
                }
                browser.tabTo("sspr-issue-pass", 25);
                browser.type(Keys.ENTER).awaitShown("sspr-pass-issued");
                assertThat(browser.textOf("sspr-pass")).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
                axe.check(browser, locale, "helpdesk-pass");

                String lostPhone = credentialId(caller, "sspr-mobile-phone");
                browser.tabTo("sspr-remove-" + lostPhone, 25);
                browser.type(Keys.ENTER);
                browser.awaitText("sspr-helpdesk-status", "en".equals(locale) ? "Removed." : "");
                awaitRemoved(caller, "sspr-mobile-phone");
                assertThat(credentialTypes(caller)).as("the lost phone is gone, the rest stays")
                        .contains("sspr-alternate-email", "sspr-temporary-access-pass");
            }
        }
        axe.assertNoSeriousViolationsIn(4 * LOCALES.size());
    }

    /** Someone without the role signs in on the page: it tells them, and shows nothing of any account. */
    @Test
    void aUserWithoutTheRoleIsToldTheyMayNotUseTheHelpDesk() throws Exception {
        try (ChromiumBrowser browser = ChromiumBrowser.open(urls.getBase(), REALM)) {
            browser.visit(pageUrl() + "?kc_locale=en");
            browser.tabTo("username", 25);
            browser.type("pete", Keys.TAB, PASSWORD).typeAndWaitForNextPage(Keys.ENTER);
            browser.awaitShown("sspr-find-form").type("cora", Keys.ENTER).awaitShown("sspr-helpdesk-alert");
            assertThat(browser.textOf("sspr-helpdesk-error")).isEqualTo("Your account may not use the help desk.");
            assertThat(browser.textOf("sspr-card")).isEmpty();
            assertThat(browser.html()).doesNotContain("+4917000000741").doesNotContain("\u2022\u2022 41");
        }
    }

    private void signIn(ChromiumBrowser browser, String locale) {
        browser.visit(pageUrl() + "?kc_locale=" + locale);
        browser.tabTo("username", 25);
        browser.type(AGENT, Keys.TAB, PASSWORD).typeAndWaitForNextPage(Keys.ENTER);
        browser.awaitShown("sspr-find-form");
        assertThat(browser.url()).as("the code and state are gone from the address").isEqualTo(pageUrl());
        browser.tabTo("sspr-find-username", 25);
    }

    private String pageUrl() {
        return urls.getBase() + "/realms/" + REALM + "/sspr-helpdesk/";
    }

    private List<String> credentialTypes(String username) {
        String id = realm.admin().users().search(username, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream().map(CredentialRepresentation::getType).toList();
    }

    private void awaitRemoved(String username, String type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (credentialTypes(username).contains(type) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private String credentialId(String username, String type) {
        String id = realm.admin().users().search(username, true).get(0).getId();
        return realm.admin().users().get(id).credentials().stream().filter(c -> type.equals(c.getType()))
                .findFirst().orElseThrow().getId();
    }

    private static RecordedTwilioRequest textTo(TwilioAccount.Registration twilio, String number, int before)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            List<RecordedTwilioRequest> all = new ArrayList<>(twilio.twilio().requests());
            for (RecordedTwilioRequest request : all.subList(Math.min(before, all.size()), all.size())) {
                if (number.equals(request.to())) {
                    return request;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no text to " + number);
    }

    public static final class PageRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name(REALM), Map.of(
                            "sspr.methods", "sspr-email##sspr-sms",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setDisplayName("Contoso");
                        rep.setInternationalizationEnabled(true);
                        rep.setSupportedLocales(new java.util.HashSet<>(LOCALES));
                        rep.setDefaultLocale("en");
                        RolesRepresentation roles = new RolesRepresentation();
                        roles.setRealm(List.of(new RoleRepresentation("sspr-helpdesk-agent", "agents", false)));
                        rep.setRoles(roles);
                    })
                    .users(user(AGENT).realmRoles("default-roles-" + REALM, "sspr-helpdesk-agent"),
                            user("pete").realmRoles("default-roles-" + REALM),
                            user("cora").realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000741"))
                                    .credential(SeededCredentials.alternateEmail("cora.home@example.net")),
                            user("cole").realmRoles("default-roles-" + REALM)
                                    .credential(SeededCredentials.mobilePhone("+4917000000742"))
                                    .credential(SeededCredentials.alternateEmail("cole.home@example.net")));
        }

        private static UserBuilder user(String username) {
            return UserBuilder.create(username).email(username + "@example.org").emailVerified(true)
                    .name(username.substring(0, 1).toUpperCase() + username.substring(1), "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
