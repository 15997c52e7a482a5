package io.github.keycloaksspr.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.policy.SsprPolicyKeys;
import org.junit.jupiter.api.Test;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The admin console can only save what these properties offer; every offered value must make a valid policy, and the
 * console's defaults must be the policy's defaults.
 */
class SsprPolicyPropertiesTest {

    private final List<ProviderConfigProperty> properties = SsprPolicyProperties.CONSOLE;

    @Test
    void everyValueTheConsoleOffersMakesAValidPolicy() {
        for (ProviderConfigProperty property : properties) {
            for (String value : offeredValues(property)) {
                Map<String, String> config = new HashMap<>();
                config.put(property.getName(), value);
                if (SsprPolicyKeys.SCOPE.equals(property.getName())) {
                    config.put(SsprPolicyKeys.SCOPE_GROUP, "/staff");
                }
                if (SsprPolicyKeys.METHODS.equals(property.getName())) {
                    config.put(SsprPolicyKeys.METHODS_REQUIRED, "1");
                }
                assertThatCode(() -> SsprPolicy.from(config)).as("%s=%s", property.getName(), value)
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theConsoleDefaultsAreThePolicyDefaults() {
        Map<String, String> defaults = new HashMap<>();
        properties.stream().filter(p -> p.getDefaultValue() != null)
                .forEach(p -> defaults.put(p.getName(), p.getDefaultValue().toString()));
        assertThat(SsprPolicy.from(defaults)).isEqualTo(SsprPolicy.DEFAULTS);
    }

    @Test
    void noFreeTextFieldCanCarryAnInvalidValue() {
        assertThat(properties).allSatisfy(p -> assertThat(p.getType()).as(p.getName()).isIn(
                ProviderConfigProperty.LIST_TYPE, ProviderConfigProperty.MULTIVALUED_LIST_TYPE,
                ProviderConfigProperty.BOOLEAN_TYPE, ProviderConfigProperty.GROUP_TYPE, ProviderConfigProperty.ROLE_TYPE));
    }

    @Test
    void theMethodsHelpNamesEveryMethodIdTheFormOffers() {
        ProviderConfigProperty methods = properties.stream()
                .filter(p -> SsprPolicyKeys.METHODS.equals(p.getName())).findFirst().orElseThrow();
        assertThat(methods.getHelpText()).contains("sspr-email = Email code to an alternate address",
                "sspr-office-phone = Voice call code to the office phone", "sspr-questions = Security questions");
        assertThat(methods.getOptions()).allSatisfy(id -> assertThat(methods.getHelpText()).contains(id + " = "));
    }

    private static List<String> offeredValues(ProviderConfigProperty property) {
        return switch (property.getType()) {
            case ProviderConfigProperty.LIST_TYPE, ProviderConfigProperty.MULTIVALUED_LIST_TYPE -> property.getOptions();
            case ProviderConfigProperty.BOOLEAN_TYPE -> List.of("true", "false");
            default -> List.of();
        };
    }
}
