package io.github.keycloaksspr.core.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.core.masking.Masking;
import io.github.keycloaksspr.core.method.MethodContext;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.UserModel;

/** A code by email ({@code sspr-code.ftl}), in the user's language, through the realm's SMTP settings. */
public final class EmailCodeDelivery implements CodeDelivery {

    public static final EmailCodeDelivery INSTANCE = new EmailCodeDelivery();

    private EmailCodeDelivery() {
    }

    @Override
    public void deliver(MethodContext context, UserModel user, String address, String code) throws Exception {
        // Keycloak adds its own entries (user, realm, locale...) to both collections: they must be mutable.
        List<Object> subjectArgs = new ArrayList<>(List.of(ThemeMessages.realmName(context.realm())));
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "ttlMinutes",
                context.policy().codeLifetime().toMinutes()));
        context.session().getProvider(EmailTemplateProvider.class)
                .setRealm(context.realm())
                .setUser(user)
                .setAuthenticationSession(context.authSession())
                .send("ssprEmailCodeSubject", subjectArgs, "sspr-code.ftl", body, address);
    }

    @Override
    public String masked(String address) {
        return Masking.email(address);
    }
}
