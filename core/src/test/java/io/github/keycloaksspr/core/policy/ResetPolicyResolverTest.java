package io.github.keycloaksspr.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/** Every module reads the realm's reset policy the same way: from the verify step of the bound flow, failing closed. */
class ResetPolicyResolverTest {

    @Test
    void theRealmsPolicyIsTheConfigOfTheVerifyStepInItsResetFlow() {
        RealmModel realm = realmWithVerifyConfig(Map.of(SsprPolicyKeys.METHODS_REQUIRED, "1"));

        assertThat(ResetPolicyResolver.forRealm(realm, "test")).get()
                .extracting(SsprPolicy::methodsRequired).isEqualTo(1);
    }

    @Test
    void anUnusablePolicyGivesNothingToActOn() {
        RealmModel realm = realmWithVerifyConfig(Map.of(SsprPolicyKeys.METHODS_REQUIRED, "3"));

        assertThat(ResetPolicyResolver.forRealm(realm, "test")).isEmpty();
    }

    @Test
    void notificationSwitchesAreReadFromTheSameConfig() {
        RealmModel realm = realmWithVerifyConfig(Map.of(NotificationSettings.NOTIFY_ADMINS, "false"));

        assertThat(ResetPolicyResolver.notificationsOf(realm, "test"))
                .contains(new NotificationSettings(true, false));
    }

    @Test
    void aRealmWithoutTheFlowGetsTheDefaults() {
        RealmModel realm = Proxies.of(RealmModel.class, Map.of("getResetCredentialsFlow", args -> null));

        assertThat(ResetPolicyResolver.forRealm(realm, "test")).contains(SsprPolicy.DEFAULTS);
    }

    private static RealmModel realmWithVerifyConfig(Map<String, String> config) {
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setId("flow-1");
        AuthenticationExecutionModel choose = new AuthenticationExecutionModel();
        choose.setAuthenticator("sspr-choose-account");
        AuthenticationExecutionModel verify = new AuthenticationExecutionModel();
        verify.setAuthenticator(SsprPolicyLocator.VERIFY_IDENTITY_PROVIDER_ID);
        verify.setAuthenticatorConfig("config-1");
        AuthenticatorConfigModel configModel = new AuthenticatorConfigModel();
        configModel.setConfig(new HashMap<>(config));
        return Proxies.of(RealmModel.class, Map.of(
                "getName", args -> "acme",
                "getResetCredentialsFlow", args -> flow,
                "getAuthenticationExecutionsStream", args -> Stream.of(choose, verify),
                "getAuthenticatorConfigById", args -> "config-1".equals(args[0]) ? configModel : null));
    }
}
