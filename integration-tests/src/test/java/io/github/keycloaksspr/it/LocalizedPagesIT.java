package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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
 * The reset pages in each of the pack's languages, as a user whose browser or app asks for one sees them: the page is
 * in that language and shows no raw message key (a key missing from that language's messages shows as its name).
 */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class LocalizedPagesIT {

    static final List<String> LOCALES = List.of("en", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "ja");
    /** A message key of the pack shown as text: what FreeMarker prints for a key missing from that language. */
    private static final Pattern RAW_KEY = Pattern.compile("\\bsspr[A-Z][A-Za-z0-9]+\\b");

    @InjectRealm(config = LocalizedRealm.class)
    ManagedRealm realm;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void everyLanguageRendersTheChooseAccountAndMethodPagesWithoutARawKey() throws Exception {
        for (String locale : LOCALES) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).startIn(locale);
            assertNoRawKey(locale, "choose account", journey.html());
            assertThat(journey.html()).as("%s: the page's language", locale).contains("lang=\"" + locale + "\"");

            journey.chooseAccount("lena");
            assertNoRawKey(locale, "method list", journey.html());
            assertThat(journey.html()).as("%s: the method list", locale).contains("+49 \u2022\u2022\u2022 \u2022\u2022 31");
        }
    }

    @Test
    void theLanguagesReadDifferently() throws Exception {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (String locale : LOCALES) {
            ResetJourney journey = new ResetJourney(urls.getBase(), realm.getName()).startIn(locale).chooseAccount("lena");
            titles.add(journey.pageTitle());
        }
        assertThat(titles).as("one method-list title per language: none fell back to English").hasSize(LOCALES.size());
    }

    private static void assertNoRawKey(String locale, String page, String html) {
        Matcher key = RAW_KEY.matcher(html);
        List<String> raw = new java.util.ArrayList<>();
        while (key.find()) {
            raw.add(key.group());
        }
        assertThat(raw).as("%s, %s: raw message keys", locale, page).isEmpty();
    }

    public static final class LocalizedRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return SsprResetRealm.configure(realm.name("sspr-languages"), Map.of(
                            "sspr.methods", "sspr-sms##sspr-email",
                            "sspr.methods.required", "1",
                            "sspr.captcha.difficulty", "1000"))
                    .update(rep -> {
                        rep.setInternationalizationEnabled(true);
                        rep.setSupportedLocales(new java.util.HashSet<>(LOCALES));
                        rep.setDefaultLocale("en");
                    })
                    .users(UserBuilder.create("lena").email("lena@example.org").emailVerified(true)
                            .name("Lena", "Languages").password("Kestrel-Harbor-Lantern-31").enabled(true)
                            .credential(SeededCredentials.mobilePhone("+4917000000431"))
                            .credential(SeededCredentials.alternateEmail("lena.home@example.net")));
        }
    }
}
