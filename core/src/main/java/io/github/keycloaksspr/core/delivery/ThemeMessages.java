package io.github.keycloaksspr.core.delivery;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * Texts that leave the browser (SMS, spoken calls) in the user's language, from the realm's login theme messages so
 * that admins override them where they override every other login text.
 */
public final class ThemeMessages {

    private ThemeMessages() {
    }

    public static String format(MethodContext context, String key, Object... args) {
        return format(context.session(), context.realm(), context.locale(), key, args);
    }

    public static String format(KeycloakSession session, RealmModel realm, Locale userLocale, String key,
                                Object... args) {
        Locale locale = userLocale == null ? Locale.ENGLISH : userLocale;
        String pattern = realm.getRealmLocalizationTextsByLocale(locale.toLanguageTag()).get(key);
        if (pattern == null) {
            try {
                Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getMessages(locale);
                pattern = messages.getProperty(key, key);
            } catch (IOException e) {
                pattern = key;
            }
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** How texts name the realm: its display name, else its name. */
    public static String realmName(RealmModel realm) {
        String display = realm.getDisplayName();
        return display == null || display.isBlank() ? realm.getName() : display;
    }
}
