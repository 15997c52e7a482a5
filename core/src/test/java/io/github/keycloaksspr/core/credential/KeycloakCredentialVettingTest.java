package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

class KeycloakCredentialVettingTest {

    private final Map<String, List<String>> attributes = new HashMap<>();
    private String federationLink;
    private final UserModel user = Proxies.of(UserModel.class, Map.of(
            "getFirstAttribute", args -> attributes.getOrDefault((String) args[0], List.of()).stream().findFirst()
                    .orElse(null),
            "setSingleAttribute", args -> attributes.put((String) args[0], List.of((String) args[1])),
            "getAttributeStream", args -> attributes.getOrDefault((String) args[0], List.of()).stream(),
            "setAttribute", args -> attributes.put((String) args[0], new ArrayList<>((List<String>) args[1])),
            "getFederationLink", args -> federationLink));
    private final UPConfig profile = new UPConfig();
    private final KeycloakSession session = Proxies.of(KeycloakSession.class, Map.of(
            "getProvider", args -> Proxies.of(UserProfileProvider.class, Map.of("getConfiguration", a -> profile))));

    @Test
    void whatTheUserHadWhenThePackFirstSawThemKeepsCounting() {
        CredentialModel old = credential("old-app", 1_000);
        KeycloakCredentialVetting.firstSight(user, 2_000);
        KeycloakCredentialVetting.firstSight(user, 9_000);

        assertThat(KeycloakCredentialVetting.counts(session, user, old)).isTrue();
        assertThat(KeycloakCredentialVetting.counts(session, user, credential("set-up-later", 3_000)))
                .as("set up with only the password, through Keycloak's own action").isFalse();
    }

    @Test
    void anAppSetUpThroughThePageCounts() {
        KeycloakCredentialVetting.firstSight(user, 2_000);
        CredentialModel throughThePage = credential("through-the-page", 5_000);

        KeycloakCredentialVetting.vetCreatedSince(user, Stream.of(credential("before", 1_500), throughThePage), 4_000);

        assertThat(KeycloakCredentialVetting.counts(session, user, throughThePage)).isTrue();
        assertThat(KeycloakCredentialVetting.counts(session, user, credential("another-later", 6_000))).isFalse();
    }

    @Test
    void aUserThePackNeverSawSignInKeepsKeycloaksCredentials() {
        assertThat(KeycloakCredentialVetting.counts(session, user, credential("any", 5_000))).isTrue();
    }

    /** Where users may write unmanaged attributes, the record could be their own writing: nothing of Keycloak's counts. */
    @Test
    void whereUsersCanWriteTheRecordNoKeycloakCredentialCounts() {
        KeycloakCredentialVetting.firstSight(user, 2_000);
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ENABLED);

        assertThat(KeycloakCredentialVetting.counts(session, user, credential("old-app", 1_000))).isFalse();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        assertThat(KeycloakCredentialVetting.counts(session, user, credential("old-app", 1_000))).isTrue();
    }

    /** A read-only directory keeps no record: a directory user without one fails closed. */
    @Test
    void aDirectoryUserWithoutARecordKeepsNoKeycloakCredential() {
        federationLink = "ldap-provider-id";

        assertThat(KeycloakCredentialVetting.counts(session, user, credential("any", 5_000))).isFalse();
    }

    private static CredentialModel credential(String id, long created) {
        CredentialModel credential = new CredentialModel();
        credential.setId(id);
        credential.setType("otp");
        credential.setCreatedDate(created);
        return credential;
    }
}
