package io.github.keycloaksspr.requiredactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/**
 * Keycloak's own removal paths (Account Console, account REST): while the security-info page is enabled, methods are
 * removed there, after proof; without it the minimum rule applies. Keycloak's own credentials are not the pack's to
 * keep.
 */
class MinimumMethodsRemovalGuardTest {

    @Test
    void withTheSecurityInfoPageEnabledNothingIsRemovedOutsideIt() {
        assertThat(guard(action(true)).removableOutsideTheSecurityInfoPage(null)).isFalse();
    }

    @Test
    void withThePageDisabledOrAbsentKeycloaksPathsMayRemove() {
        assertThat(guard(action(false)).removableOutsideTheSecurityInfoPage(null)).isTrue();
        assertThat(guard(null).removableOutsideTheSecurityInfoPage(null)).isTrue();
    }

    @Test
    void credentialsThatAreNoPackMethodAreNotKept() {
        assertThat(guard(action(true)).mayRemoveLast(null, "password")).isTrue();
        assertThat(guard(action(true)).mayRemoveLast(null, "otp")).as("guarded by the replaced provider instead")
                .isTrue();
    }

    private static RequiredActionProviderModel action(boolean enabled) {
        RequiredActionProviderModel action = new RequiredActionProviderModel();
        action.setAlias(RegisterSecurityInfoAction.PROVIDER_ID);
        action.setEnabled(enabled);
        return action;
    }

    private static MinimumMethodsRemovalGuard guard(RequiredActionProviderModel action) {
        Map<String, Function<Object[], Object>> realmMethods = new HashMap<>();
        realmMethods.put("getRequiredActionProviderByAlias",
                a -> RegisterSecurityInfoAction.PROVIDER_ID.equals(a[0]) ? action : null);
        RealmModel realm = Proxies.of(RealmModel.class, realmMethods);
        KeycloakContext context = Proxies.of(KeycloakContext.class, Map.of("getRealm", a -> realm));
        return new MinimumMethodsRemovalGuard(Proxies.of(KeycloakSession.class, Map.of("getContext", a -> context)));
    }
}
