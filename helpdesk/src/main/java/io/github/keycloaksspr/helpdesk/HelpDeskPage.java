package io.github.keycloaksspr.helpdesk;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;
import org.keycloak.util.JsonSerialization;

/**
 * The agent's page: a login-theme page (Keycloak's look, its locale selector, the realm's security headers) whose
 * script signs the agent in through {@link HelpDeskClient} and then calls the help desk's API with the agent's token.
 * The page itself holds no data: what it shows comes from the API, for agents only.
 */
final class HelpDeskPage {

    static final String TEMPLATE = "sspr-helpdesk.ftl";
    /** The texts the script shows: its own, and the errors the proof engine answers with. */
    private static final String[] MESSAGE_PREFIXES = {"ssprHelpDesk", "ssprError", "ssprUnreachable",
        "ssprMethodUnavailable"};

    private final KeycloakSession session;
    private final RealmModel realm;

    HelpDeskPage(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    Response render() throws IOException {
        Locale locale = session.getContext().resolveLocale(null);
        UriBuilder realmUrl = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName());
        String oidc = realmUrl.clone().path("protocol/openid-connect").build().toString();
        String page = realmUrl.clone().path(HelpDeskResourceProviderFactory.PROVIDER_ID).build() + "/";
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("clientId", HelpDeskClient.CLIENT_ID);
        config.put("pageUrl", page);
        config.put("apiUrl", page + "api/");
        config.put("authUrl", oidc + "/auth");
        config.put("tokenUrl", oidc + "/token");
        config.put("logoutUrl", oidc + "/logout");
        config.put("locale", locale.toLanguageTag());
        config.put("messages", messages(locale));
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("ssprHelpDeskConfig", JsonSerialization.writeValueAsString(config))
                .createForm(TEMPLATE);
    }

    private Map<String, String> messages(Locale locale) throws IOException {
        Properties all = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
        Map<String, String> wanted = new TreeMap<>();
        for (String key : all.stringPropertyNames()) {
            for (String prefix : MESSAGE_PREFIXES) {
                if (key.startsWith(prefix)) {
                    wanted.put(key, all.getProperty(key));
                }
            }
        }
        return wanted;
    }
}
