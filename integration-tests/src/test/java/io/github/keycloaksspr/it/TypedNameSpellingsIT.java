package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A stranger types two spellings of one person at "Forgot password?" and compares the method lists (whole pages, the
 * per-request values and the typed text set aside): username and address, the address's local part, the same local
 * part at a domain nobody uses, the username at the realm's domain, upper case. Whether two spellings show the same
 * page must be the same for a registered account, an unregistered one, a disabled one and a name nobody has. Nothing
 * is sent: the list is the first page after the name.
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class TypedNameSpellingsIT {

    static final String DOMAIN = "corp.example";
    static final String PASSWORD = "Spelling-Passw0rd!";

    private static final Pattern PER_REQUEST = Pattern.compile("(session_code|execution|tab_id|client_data)=[^&\"]*");
    private static final Pattern AUTH_SESSION_CHECK = Pattern.compile("checkAuthSession\\(\\s*\"[^\"]*\"");

    @InjectRealm(config = SpellingsRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void whetherTwoSpellingsLookAlikeDoesNotTellWhetherTheAccountExists() throws Exception {
        // Username = the address's local part: registered, not registered, disabled, nobody.
        List<Boolean> registered = relation("rita", "rita@" + DOMAIN);
        assertThat(relation("ulla", "ulla@" + DOMAIN)).as("unregistered account").isEqualTo(registered);
        assertThat(relation("dora", "dora@" + DOMAIN)).as("disabled account").isEqualTo(registered);
        assertThat(relation("nina", "nina@" + DOMAIN)).as("nobody").isEqualTo(registered);
        // Username other than the local part (sAMAccountName and first.last@): registered and nobody.
        assertThat(relation("kdoe", "ken.doe@" + DOMAIN)).as("nobody, username other than the local part")
                .isEqualTo(relation("jdoe", "john.doe@" + DOMAIN));
    }

    @Test
    void twoPeopleAreTwoRunsWhetherOrNotTheyExist() throws Exception {
        assertThat(page("rita")).isNotEqualTo(page("jdoe"));
        assertThat(page("nina")).isNotEqualTo(page("kdoe"));
        assertThat(page("rita")).isNotEqualTo(page("nina"));
    }

    /**
     * For each pair of spellings of the username, and of the address, whether the two method lists are the same page.
     * (Whether a username and an address are one person's is not asked: for a name nobody has, nobody can know.)
     */
    private List<Boolean> relation(String username, String address) throws Exception {
        String local = address.substring(0, address.indexOf('@'));
        List<Boolean> relation = new ArrayList<>(pairs(List.of(username, username.toUpperCase(Locale.ROOT),
                username + "@" + DOMAIN, username + "@elsewhere.invalid")));
        relation.addAll(pairs(List.of(address, address.toUpperCase(Locale.ROOT), local, local + "@elsewhere.invalid")));
        return relation;
    }

    private List<Boolean> pairs(List<String> spellings) throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        for (String spelling : spellings) {
            pages.put(spelling, page(spelling));
        }
        List<Boolean> relation = new ArrayList<>();
        for (int i = 0; i < spellings.size(); i++) {
            for (int j = i + 1; j < spellings.size(); j++) {
                relation.add(pages.get(spellings.get(i)).equals(pages.get(spellings.get(j))));
            }
        }
        return relation;
    }

    /** The method list after typing {@code typed}, as two observers compare it. */
    private String page(String typed) throws Exception {
        ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).start().chooseAccount(typed);
        assertThat(journey.pageTitle()).as(typed).isEqualTo("Verify your identity");
        String html = PER_REQUEST.matcher(journey.html()).replaceAll("$1=*");
        html = AUTH_SESSION_CHECK.matcher(html).replaceAll("checkAuthSession(*");
        return html.replace(typed, "<typed name>");
    }

    public static final class SpellingsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-spellings"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.phone.region", "DE",
                            "sspr.captcha.difficulty", "1000"))
                    .users(registered("rita", "rita@" + DOMAIN, "+4917000000081"),
                            registered("jdoe", "john.doe@" + DOMAIN, "+4917000000082"),
                            person("ulla", "ulla@" + DOMAIN),
                            registered("dora", "dora@" + DOMAIN, "+4917000000083").enabled(false));
        }

        private static UserBuilder registered(String username, String email, String phone) {
            return person(username, email).credential(SeededCredentials.mobilePhone(phone))
                    .credential(SeededCredentials.alternateEmail(username + ".home@example.net"));
        }

        private static UserBuilder person(String username, String email) {
            return UserBuilder.create(username).email(email).emailVerified(true).name(username, "Example")
                    .password(PASSWORD).enabled(true);
        }
    }
}
