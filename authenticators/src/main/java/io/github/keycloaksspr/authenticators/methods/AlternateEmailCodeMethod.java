package io.github.keycloaksspr.authenticators.methods;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import io.github.keycloaksspr.core.credential.AlternateEmailCredentialModel;
import io.github.keycloaksspr.core.credential.SsprCredentials;
import io.github.keycloaksspr.core.method.MethodChallenge;
import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.method.MethodOutcome;
import io.github.keycloaksspr.core.method.SsprMethod;
import io.github.keycloaksspr.core.method.SsprMethodFactory;
import io.github.keycloaksspr.core.policy.SsprMethodIds;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** A code to the user's registered alternate email address (not the account email, which an attacker may control). */
public final class AlternateEmailCodeMethod implements SsprMethod {

    static final String INSTRUCTION = "ssprMethodEmailInstruction";

    @Override
    public String id() {
        return SsprMethodIds.EMAIL;
    }

    @Override
    public String factor() {
        return "alternate-email";
    }

    @Override
    public boolean allowedForAdmins() {
        return true;
    }

    @Override
    public boolean isRegistered(MethodContext context, UserModel user) {
        return address(user).isPresent();
    }

    @Override
    public String maskedHint(MethodContext context, UserModel user) {
        return address(user).map(Masking::email).orElse("");
    }

    @Override
    public MethodChallenge challenge(MethodContext context, UserModel user) {
        String address = address(user).orElseThrow();
        return CodeChallenges.challenge(context, user, id(), address, INSTRUCTION, Masking.email(address),
                code -> send(context, user, address, code));
    }

    private static void send(MethodContext context, UserModel user, String address, String code) throws Exception {
        // Keycloak adds its own entries (user, realm, locale...) to both collections: they must be mutable.
        List<Object> subjectArgs = new ArrayList<>(List.of(SmsCodeMethod.realmName(context)));
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "ttlMinutes",
                context.policy().codeLifetime().toMinutes()));
        context.session().getProvider(EmailTemplateProvider.class)
                .setRealm(context.realm())
                .setUser(user)
                .setAuthenticationSession(context.authSession())
                .send("ssprEmailCodeSubject", subjectArgs, "sspr-code.ftl", body, address);
    }

    @Override
    public MethodChallenge decoyChallenge(MethodContext context) {
        return MethodChallenge.code(INSTRUCTION, "\u2022\u2022\u2022@\u2022\u2022\u2022");
    }

    @Override
    public MethodOutcome verify(MethodContext context, UserModel user, MultivaluedMap<String, String> form) {
        return CodeChallenges.verify(context, id(), form.getFirst(CodeChallenges.CODE_FIELD));
    }

    private static Optional<String> address(UserModel user) {
        return SsprCredentials.alternateEmails(user).map(AlternateEmailCredentialModel::email).findFirst();
    }

    public static final class Factory implements SsprMethodFactory {
        private static final AlternateEmailCodeMethod INSTANCE = new AlternateEmailCodeMethod();

        @Override
        public SsprMethod create(KeycloakSession session) {
            return INSTANCE;
        }

        @Override
        public String getId() {
            return SsprMethodIds.EMAIL;
        }
    }
}
