package io.github.keycloaksspr.authenticators.newpassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserModel;

/** What a user is told when the new password was not stored, and what the audit records: never the server's prose. */
class PasswordRefusalTest {

    private final KeycloakSession session = Proxies.of(KeycloakSession.class, Map.of("getProvider", a -> null));

    @Test
    void aKeycloakPolicyRefusalShowsItsOwnMessageWithItsParameters() {
        PasswordRefusal refusal = PasswordRefusal.of(session, null, localUser(), "short",
                new ModelException("invalidPasswordMinLengthMessage", 12));

        assertThat(refusal.reason()).isEqualTo("password_policy");
        assertThat(refusal.message().getMessage()).isEqualTo("invalidPasswordMinLengthMessage");
        assertThat(refusal.message().getParameters()).containsExactly(12);
        assertThat(refusal.bannedRule()).isNull();
    }

    @Test
    void thePacksBannedPasswordRulesAreRecordedAsBannedWithTheRuleNamed() {
        PasswordRefusal refusal = PasswordRefusal.of(session, null, localUser(), "Summer2026!",
                new ModelException("ssprBannedPasswordCommon"));

        assertThat(refusal.reason()).isEqualTo("banned_password");
        assertThat(refusal.bannedRule()).isEqualTo("common_password");
        assertThat(refusal.message().getMessage()).isEqualTo("ssprBannedPasswordCommon");
    }

    @Test
    void proseFromTheServerIsNeverShownToTheUser() {
        PasswordRefusal refusal = PasswordRefusal.of(session, null, localUser(), "x",
                new ModelException("Could not connect to db-7.internal:5432 (PSQLException)"));

        assertThat(refusal.reason()).isEqualTo("password_not_stored");
        assertThat(refusal.message().getMessage()).isEqualTo("invalidPasswordGenericMessage");
    }

    @Test
    void aFederatedUsersFailedWriteSaysTheDirectoryDidNotTakeIt() {
        PasswordRefusal refusal = PasswordRefusal.of(session, null, federatedUser(), "x",
                new RuntimeException("Federated storage is not writable"));

        assertThat(refusal.reason()).isNotEqualTo("password_not_stored").doesNotContain(" ");
        assertThat(refusal.message().getMessage()).startsWith("sspr").doesNotContain("writable");
    }

    private static UserModel localUser() {
        return user(null);
    }

    private static UserModel federatedUser() {
        return user("ldap-provider-id");
    }

    private static UserModel user(String federationLink) {
        Map<String, Function<Object[], Object>> methods = new HashMap<>();
        methods.put("getFederationLink", a -> federationLink);
        return Proxies.of(UserModel.class, methods);
    }
}
