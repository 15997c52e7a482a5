package io.github.keycloaksspr.core.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.common.util.reflections.Types;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;

class SsprCredentialProvidersTest {

    static Stream<Arguments> factories() {
        return Stream.of(
                Arguments.of(new MobilePhoneCredentialProviderFactory(), SsprCredentialTypes.MOBILE_PHONE),
                Arguments.of(new AlternateEmailCredentialProviderFactory(), SsprCredentialTypes.ALTERNATE_EMAIL),
                Arguments.of(new SecurityQuestionsCredentialProviderFactory(), SsprCredentialTypes.SECURITY_QUESTIONS));
    }

    @Test
    void typeIdsAreTheDocumentedOnes() {
        assertThat(List.of(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.ALTERNATE_EMAIL, SsprCredentialTypes.SECURITY_QUESTIONS))
                .containsExactly("sspr-mobile-phone", "sspr-alternate-email", "sspr-security-questions");
    }

    @Test
    void everyFactoryIsRegisteredAsAService() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/" + CredentialProviderFactory.class.getName())) {
            assertThat(in).isNotNull();
            List<String> registered = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).toList();
            assertThat(registered).contains(
                    MobilePhoneCredentialProviderFactory.class.getName(),
                    AlternateEmailCredentialProviderFactory.class.getName(),
                    SecurityQuestionsCredentialProviderFactory.class.getName());
        }
    }

    @ParameterizedTest
    @MethodSource("factories")
    void providerIdIsTheTypeAndKeycloakSeesTheValidator(CredentialProviderFactory<?> factory, String type) {
        CredentialProvider<?> provider = factory.create(session(realmWithDeleteCredentialAction(true)));

        assertThat(factory.getId()).isEqualTo(type);
        assertThat(provider.getType()).isEqualTo(type);
        assertThat(provider.supportsCredentialType(type)).isTrue();
        assertThat(provider.supportsCredentialType("otp")).isFalse();
        // UserCredentialManager.isConfiguredFor only asks factories whose type argument is a CredentialInputValidator.
        assertThat(Types.supports(CredentialInputValidator.class, factory, CredentialProviderFactory.class)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("factories")
    void metadataIsTwoFactorWithMessageKeys(CredentialProviderFactory<?> factory, String type) {
        KeycloakSession session = session(realmWithDeleteCredentialAction(true));
        CredentialTypeMetadata metadata = factory.create(session)
                .getCredentialTypeMetadata(CredentialTypeMetadataContext.builder().build(session));

        assertThat(metadata.getType()).isEqualTo(type);
        assertThat(metadata.getCategory()).isEqualTo(CredentialTypeMetadata.Category.TWO_FACTOR);
        assertThat(metadata.getDisplayName()).isEqualTo(type + "-display-name");
        assertThat(metadata.getHelpText()).isEqualTo(type + "-help-text");
        assertThat(metadata.getIconCssClass()).startsWith("kcAuthenticatorSspr");
        assertThat(metadata.getCreateAction()).isNull();
        assertThat(metadata.isRemoveable()).isTrue();
    }

    @Test
    void keycloakTurnsRemovalOffWithoutTheDeleteCredentialAction() {
        KeycloakSession session = session(realmWithDeleteCredentialAction(false));
        CredentialTypeMetadata metadata = new MobilePhoneCredentialProvider(session)
                .getCredentialTypeMetadata(CredentialTypeMetadataContext.builder().build(session));

        assertThat(metadata.isRemoveable()).isFalse();
    }

    @Test
    void aNewSetOfSecurityQuestionsReplacesTheOld() {
        FakeCredentialStore store = new FakeCredentialStore();
        UserModel user = store.user();
        store.created.add(stored("old-questions", SsprCredentialTypes.SECURITY_QUESTIONS));
        store.created.add(stored("phone", SsprCredentialTypes.MOBILE_PHONE));
        SecurityQuestionsCredentialProvider provider = new SecurityQuestionsCredentialProvider(session(realmWithDeleteCredentialAction(true)));

        provider.createCredential(null, user, SecurityQuestionsCredentialModel.createFor(
                new SecurityQuestionsCredentialModelTest.RecordingHasher(), List.of(new SecurityAnswer("q1", "Rex"))));

        assertThat(store.created).extracting(CredentialModel::getType)
                .containsExactly(SsprCredentialTypes.MOBILE_PHONE, SsprCredentialTypes.SECURITY_QUESTIONS);
        assertThat(store.created).extracting(CredentialModel::getId).doesNotContain("old-questions");
        assertThat(provider.isConfiguredFor(null, user, SsprCredentialTypes.SECURITY_QUESTIONS)).isTrue();
        assertThat(new AlternateEmailCredentialProvider(session(realmWithDeleteCredentialAction(true)))
                .isConfiguredFor(null, user, SsprCredentialTypes.ALTERNATE_EMAIL)).isFalse();
    }

    @Test
    void phoneCredentialsAreCreatedThroughTheCredentialManager() {
        FakeCredentialStore store = new FakeCredentialStore();
        MobilePhoneCredentialProvider provider = new MobilePhoneCredentialProvider(session(realmWithDeleteCredentialAction(true)));

        provider.createCredential(null, store.user(), MobilePhoneCredentialModel.createFor("+4915112345678"));
        provider.createCredential(null, store.user(), MobilePhoneCredentialModel.createFor("+15005550006"));

        assertThat(SsprCredentials.mobilePhones(store.user())).extracting(MobilePhoneCredentialModel::number)
                .containsExactly("+4915112345678", "+15005550006");
        assertThat(provider.isConfiguredFor(null, store.user(), SsprCredentialTypes.MOBILE_PHONE)).isTrue();
    }

    @Test
    void helperSkipsUnreadableCredentials() {
        FakeCredentialStore store = new FakeCredentialStore();
        CredentialModel broken = stored("broken", SsprCredentialTypes.MOBILE_PHONE);
        broken.setCredentialData("{\"number\":\"12\"}");
        store.created.add(broken);
        store.created.add(MobilePhoneCredentialModelTest.stored(MobilePhoneCredentialModel.createFor("+4915112345678")));

        assertThat(SsprCredentials.mobilePhones(store.user())).extracting(MobilePhoneCredentialModel::number)
                .containsExactly("+4915112345678");
    }

    private static CredentialModel stored(String id, String type) {
        CredentialModel model = new CredentialModel();
        model.setId(id);
        model.setType(type);
        model.setCreatedDate(1L);
        return model;
    }

    private static RealmModel realmWithDeleteCredentialAction(boolean enabled) {
        RequiredActionProviderModel deleteCredential = new RequiredActionProviderModel();
        deleteCredential.setAlias("delete_credential");
        deleteCredential.setProviderId("delete_credential");
        deleteCredential.setEnabled(enabled);
        return Proxies.of(RealmModel.class, Map.of(
                "getRequiredActionProvidersStream", args -> Stream.of(deleteCredential)));
    }

    private static KeycloakSession session(RealmModel realm) {
        KeycloakContext context = Proxies.of(KeycloakContext.class, Map.of("getRealm", args -> realm));
        return Proxies.of(KeycloakSession.class, Map.of("getContext", args -> context, "getProvider", args -> null));
    }

    /** A user's credential list, behind the credential-manager methods the providers call. */
    private static final class FakeCredentialStore {
        final List<CredentialModel> created = new ArrayList<>();
        private int nextId = 1;

        UserModel user() {
            Map<String, Function<Object[], Object>> methods = new LinkedHashMap<>();
            methods.put("createStoredCredential", args -> {
                CredentialModel model = (CredentialModel) args[0];
                model.setId("id-" + nextId++);
                created.add(model);
                return model;
            });
            methods.put("removeStoredCredentialById", args -> created.removeIf(c -> c.getId().equals(args[0])));
            methods.put("getStoredCredentialsByTypeStream", args ->
                    new ArrayList<>(created).stream().filter(c -> c.getType().equals(args[0])));
            SubjectCredentialManager manager = Proxies.of(SubjectCredentialManager.class, methods);
            return Proxies.of(UserModel.class, Map.of("credentialManager", args -> manager));
        }
    }
}
