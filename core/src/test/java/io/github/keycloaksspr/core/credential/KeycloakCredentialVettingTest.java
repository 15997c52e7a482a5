package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.keycloaksspr.core.state.UserState;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

class KeycloakCredentialVettingTest {

    private static final boolean LOCAL = false;
    private static final boolean DIRECTORY = true;

    @Test
    void whatTheUserHadWhenThePackFirstSawThemKeepsCounting() {
        UserState seen = seenAt(2_000, Set.of());

        assertThat(KeycloakCredentialVetting.counts(seen, LOCAL, credential("old-app", 1_000))).isTrue();
        assertThat(KeycloakCredentialVetting.counts(seen, LOCAL, credential("set-up-later", 3_000)))
                .as("set up with only the password, through Keycloak's own action").isFalse();
    }

    @Test
    void anAppSetUpThroughThePageCounts() {
        UserState seen = seenAt(2_000, Set.of("through-the-page"));

        assertThat(KeycloakCredentialVetting.counts(seen, LOCAL, credential("through-the-page", 5_000))).isTrue();
        assertThat(KeycloakCredentialVetting.counts(seen, LOCAL, credential("another-later", 6_000))).isFalse();
    }

    @Test
    void aLocalUserThePackNeverSawSignInKeepsKeycloaksCredentials() {
        UserState never = new UserState(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());

        assertThat(KeycloakCredentialVetting.counts(never, LOCAL, credential("any", 5_000))).isTrue();
        assertThat(KeycloakCredentialVetting.counts(never, DIRECTORY, credential("any", 5_000)))
                .as("a directory user without a record fails closed").isFalse();
    }

    @Test
    void aDirectoryUserOnceSeenIsVettedLikeALocalOne() {
        UserState seen = seenAt(2_000, Set.of());

        assertThat(KeycloakCredentialVetting.counts(seen, DIRECTORY, credential("old-app", 1_000))).isTrue();
        assertThat(KeycloakCredentialVetting.counts(seen, DIRECTORY, credential("later", 3_000))).isFalse();
    }

    private static UserState seenAt(long millis, Set<String> vetted) {
        return new UserState(Optional.of(millis), vetted, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }

    private static CredentialModel credential(String id, long created) {
        CredentialModel credential = new CredentialModel();
        credential.setId(id);
        credential.setCreatedDate(created);
        return credential;
    }
}
