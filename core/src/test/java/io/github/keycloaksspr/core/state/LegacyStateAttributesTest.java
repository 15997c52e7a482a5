package io.github.keycloaksspr.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/** What the attributes of earlier releases say, and when they cannot be believed. */
class LegacyStateAttributesTest {

    private final Map<String, List<String>> attributes = new HashMap<>();
    private final UserModel user = Proxies.of(UserModel.class, Map.of(
            "getFirstAttribute", args -> attributes.getOrDefault((String) args[0], List.of()).stream().findFirst()
                    .orElse(null),
            "getAttributeStream", args -> attributes.getOrDefault((String) args[0], List.of()).stream(),
            "getCreatedTimestamp", args -> 1_500L));
    private final UPConfig profile = new UPConfig();
    private final KeycloakSession session = Proxies.of(KeycloakSession.class, Map.of(
            "getProvider", args -> Proxies.of(UserProfileProvider.class, Map.of("getConfiguration", a -> profile))));

    @Test
    void anAdminOnlyRecordCarriesOver() {
        attributes.put("sspr.vettedUntil", List.of("2000"));
        attributes.put("sspr.vettedCredentials", List.of("app-1", "key-2"));
        attributes.put("sspr.confirmedAt", List.of("1700000000"));
        attributes.put("sspr.promptedAt", List.of(" 1700000100 "));

        UserState state = LegacyStateAttributes.read(session, user);

        assertThat(state.vettedUntil()).contains(2000L);
        assertThat(state.vettedCredentialIds()).containsExactlyInAnyOrder("app-1", "key-2");
        assertThat(state.confirmedAt()).contains(1_700_000_000L);
        assertThat(state.promptedAt()).contains(1_700_000_100L);
        assertThat(state.everRegistered()).as("a confirmation means security info").isTrue();
    }

    @Test
    void noAttributesMeansNeverSeen() {
        assertThat(LegacyStateAttributes.read(session, user)).isEqualTo(UserState.NEVER_SEEN);
    }

    @Test
    void anEditedValueVetsAndConfirmsNothing() {
        attributes.put("sspr.vettedUntil", List.of("9999999999999x"));
        attributes.put("sspr.confirmedAt", List.of("soon"));

        UserState state = LegacyStateAttributes.read(session, user);

        assertThat(state.vettedUntil()).contains(0L);
        assertThat(state.confirmedAt()).contains(0L);
    }

    /** Where users could write the attributes, neither a value nor its absence proves anything. */
    @Test
    void whereUsersCouldWriteThemOnlyWhatCameWithTheAccountCounts() {
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);
        attributes.put("sspr.vettedUntil", List.of(Long.toString(Long.MAX_VALUE / 2)));
        attributes.put("sspr.vettedCredentials", List.of("attackers-app"));
        attributes.put("sspr.confirmedAt", List.of("1700000000"));

        UserState state = LegacyStateAttributes.read(session, user);
        attributes.clear();
        UserState absent = LegacyStateAttributes.read(session, user);

        assertThat(state.vettedUntil()).contains(1_500L).isEqualTo(absent.vettedUntil());
        assertThat(state.vettedCredentialIds()).isEmpty();
        assertThat(state.confirmedAt()).isEqualTo(Optional.empty());
        assertThat(state.everRegistered()).as("the stricter reading: registering again needs the address").isTrue();
    }
}
