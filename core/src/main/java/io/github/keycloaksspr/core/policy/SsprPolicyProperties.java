package io.github.keycloaksspr.core.policy;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;

/**
 * The reset policy's settings as the admin console shows them (the config of {@code sspr-verify-identity}), made from
 * their declarations in {@link PolicySettings}. Every choice is a fixed list, so an admin cannot save a value the
 * policy would refuse.
 */
public final class SsprPolicyProperties {

    public static final List<ProviderConfigProperty> CONSOLE = PolicySettings.ALL.stream()
            .map(PolicySetting::consoleProperty).toList();

    private SsprPolicyProperties() {
    }
}
