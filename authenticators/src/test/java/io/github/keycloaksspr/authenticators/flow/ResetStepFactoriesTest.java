package io.github.keycloaksspr.authenticators.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;

import io.github.keycloaksspr.core.policy.SsprPolicyProperties;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/**
 * The factories Keycloak finds: the ids realms already reference never change, each step is one stateless instance,
 * the reset's steps can only be REQUIRED, the sign-in codes may stand beside Keycloak's own second factors and the
 * Temporary Access Pass only beside the password.
 */
class ResetStepFactoriesTest {

    private final List<AuthenticatorFactory> factories = ServiceLoader.load(AuthenticatorFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(factory -> factory.getClass().getName().startsWith("io.github.keycloaksspr.")).toList();

    @Test
    void theShippedIdsAreAllThere() {
        assertThat(factories).extracting(AuthenticatorFactory::getId).containsExactlyInAnyOrder("sspr-choose-account",
                "sspr-verify-identity", "sspr-unlock-or-reset", "sspr-new-password", "sspr-sms-otp", "sspr-email-otp",
                "sspr-temporary-access-pass");
    }

    @Test
    void everyFactoryHandsOutOneStatelessStepWithANameAndHelp() {
        assertThat(factories).allSatisfy(factory -> {
            assertThat(factory.create(null)).as(factory.getId()).isNotNull().isSameAs(factory.create(null));
            assertThat(factory.getDisplayType()).as(factory.getId()).startsWith("SSPR: ");
            assertThat(factory.getHelpText()).as(factory.getId()).isNotBlank();
        });
    }

    @Test
    void resetStepsAreRequiredOnlyAndSignInCodesMayBeAlternatives() {
        assertThat(factories).allSatisfy(factory -> {
            List<Requirement> choices = List.of(factory.getRequirementChoices());
            if (factory.getId().endsWith("-otp")) {
                assertThat(choices).as(factory.getId()).contains(Requirement.ALTERNATIVE, Requirement.REQUIRED);
                assertThat(factory.getReferenceCategory()).isEqualTo("otp");
            } else if (factory.getId().equals("sspr-temporary-access-pass")) {
                assertThat(choices).as("beside the password, never instead of it for everybody")
                        .containsExactly(Requirement.ALTERNATIVE, Requirement.DISABLED);
                assertThat(factory.getReferenceCategory()).isEqualTo("sspr-temporary-access-pass");
            } else {
                assertThat(choices).as(factory.getId()).containsExactly(Requirement.REQUIRED);
            }
        });
    }

    @Test
    void onlyTheVerifyStepIsConfigurableAndItsConfigIsTheResetPolicy() {
        assertThat(factories).allSatisfy(factory -> {
            boolean verify = factory.getId().equals("sspr-verify-identity");
            assertThat(factory.isConfigurable()).as(factory.getId()).isEqualTo(verify);
            assertThat(factory.getConfigProperties()).as(factory.getId())
                    .isEqualTo(verify ? SsprPolicyProperties.CONSOLE : List.of());
        });
    }
}
