package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.keycloaksspr.it.support.SsprServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AuthenticatorConfigInfoRepresentation;
import org.keycloak.representations.idm.ConfigPropertyRepresentation;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** What an admin sees on the console's server-info page once the JAR is installed. */
@KeycloakIntegrationTest(config = SsprServerConfig.class)
class ServerInfoIT {

    @InjectAdminClient
    Keycloak adminClient;

    @Test
    void serverInfoListsThePackWithItsVersion() {
        ServerInfoRepresentation info = adminClient.serverInfo().getInfo();

        SpiInfoRepresentation packSpi = info.getProviders().get("sspr-pack");
        assertThat(packSpi).as("SPI sspr-pack in server info").isNotNull();
        ProviderRepresentation pack = packSpi.getProviders().get("sspr-pack");
        assertThat(pack).as("provider sspr-pack").isNotNull();
        assertThat(pack.getOperationalInfo())
                .containsEntry("version", System.getProperty("sspr.version"))
                .containsEntry("keycloak-api-version", "26.7.0");
    }

    @Test
    void theResetPolicyFormExplainsEveryMethodIdByName() {
        // What the console's config form of the "Verify identity" step shows (Authentication → the flow → gear).
        AuthenticatorConfigInfoRepresentation form = adminClient.realm("master").flows()
                .getAuthenticatorConfigDescription("sspr-verify-identity");
        ConfigPropertyRepresentation methods = form.getProperties().stream()
                .filter(p -> "sspr.methods".equals(p.getName())).findFirst().orElseThrow();
        assertThat(methods.getLabel()).isEqualTo("Methods available to users");
        assertThat(methods.getHelpText()).contains("sspr-email = Email code to an alternate address",
                "sspr-sms = Text message code to the mobile phone", "sspr-passkey = Passkey");
    }

    @Test
    void theServerIsThePatchedReleaseRunningTheShippedJar() throws IOException {
        ServerInfoRepresentation info = adminClient.serverInfo().getInfo();
        assertThat(info.getSystemInfo().getVersion()).isEqualTo(System.getProperty("sspr.keycloakServerVersion"));

        // The server runs from <home>/bin; the framework installs dependencies as <home>/providers/<g>__<a>.jar.
        Path keycloakHome = Path.of(info.getSystemInfo().getUserDir()).getParent();
        Path installed = keycloakHome.resolve("providers")
                .resolve(SsprServerConfig.PROVIDER_GROUP_ID + "__" + SsprServerConfig.PROVIDER_ARTIFACT_ID + ".jar");
        Path shipped = Path.of(System.getProperty("sspr.providerJar"));

        assertThat(installed).isRegularFile();
        assertThat(sha256(installed)).as("installed JAR is byte-identical to %s", shipped).isEqualTo(sha256(shipped));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
