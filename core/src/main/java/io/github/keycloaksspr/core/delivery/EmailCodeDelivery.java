package io.github.keycloaksspr.core.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.UserModel;

/** A code by email ({@code sspr-code.ftl}), in the user's language, through the realm's SMTP settings. */
public final class EmailCodeDelivery implements CodeDelivery {

    public static final EmailCodeDelivery INSTANCE = new EmailCodeDelivery();

    private EmailCodeDelivery() {
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Transmission compose(MethodContext context, UserModel user, String address, String code) {
        String userId = user.getId();
        long ttlMinutes = context.policy().codeLifetime().toMinutes();
        Locale locale = context.locale();
        return (session, realm) -> {
            if (locale != null) {
                // The language chosen in the request (the user's setting, else the browser's): there is no request now.
                session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, locale.toLanguageTag());
            }
            // Keycloak adds its own entries (user, realm, locale...) to both collections: they must be mutable.
            List<Object> subjectArgs = new ArrayList<>(List.of(ThemeMessages.realmName(realm)));
            Map<String, Object> body = new HashMap<>(Map.of("code", code, "ttlMinutes", ttlMinutes));
            session.getProvider(EmailTemplateProvider.class)
                    .setRealm(realm)
                    .setUser(session.users().getUserById(realm, userId))
                    .send("ssprEmailCodeSubject", subjectArgs, "sspr-code.ftl", body, address);
        };
    }

    @Override
    public String masked(String address) {
        return Masking.email(address);
    }
}
