package io.github.keycloaksspr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.icegreen.greenmail.util.GreenMail;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.icegreen.greenmail.util.ServerSetup;
import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.github.keycloaksspr.it.support.Codes;
import io.github.keycloaksspr.it.support.DockerBridge;
import io.github.keycloaksspr.it.support.FormBrowser;
import io.github.keycloaksspr.it.support.MailContent;
import io.github.keycloaksspr.it.support.ResetJourney;
import io.github.keycloaksspr.it.support.SeededCredentials;
import io.github.keycloaksspr.it.support.SsprResetRealm;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.info.ProviderRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.UserBuilder;
import org.testcontainers.containers.output.ToStringConsumer;

/**
 * The image ops build from {@code docker/Dockerfile} (built by {@code scripts/pack-image.sh} before this runs), started
 * the way extension developers start Keycloak in tests: through testcontainers-keycloak. The pack is in it, configured
 * by environment variables as in a container platform, and a two-method reset runs end to end inside the container,
 * with its text and its mail delivered to sinks on the Docker bridge.
 */
class PackImageContainerIT {

    static final String REALM = "sspr-container";
    static final String USER = "zoe";
    static final String PHONE = "+4917000000071";
    static final String ALTERNATE = "zoe.private@container.example";
    static final String NEW_PASSWORD = "Container-New-Passw0rd!";

    static LoopbackServer callback;
    static LoopbackServer twilioServer;
    static TwilioApiStandIn twilio;
    static GreenMail mail;
    static KeycloakContainer keycloak;
    static final ToStringConsumer serverLog = new ToStringConsumer();

    @BeforeAll
    static void startThePackImage() throws Exception {
        String bridge = DockerBridge.hostAddress();
        callback = LoopbackServer.start(new InetSocketAddress("127.0.0.1", 0), exchange -> {
            byte[] page = "<html><head><title>signed in</title></head></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        }, "callback");
        twilio = TwilioApiStandIn.acceptingAnyCredentials();
        twilioServer = twilio.startOn(new InetSocketAddress(bridge, 0));
        mail = new GreenMail(new ServerSetup(0, bridge, ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();

        keycloak = new KeycloakContainer(System.getProperty("sspr.packImage"))
                // The image's own server is built for PostgreSQL; testcontainers-keycloak runs start-dev (H2), which
                // listens on the container's loopback unless told otherwise.
                .withCustomCommand("--http-host=0.0.0.0")
                .withEnv("KC_SPI_SSPR_PHONE_GATEWAY__SSPR_TWILIO__ACCOUNT_SID", "AC00000000000000000000000000000071")
                .withEnv("KC_SPI_SSPR_PHONE_GATEWAY__SSPR_TWILIO__AUTH_TOKEN", "container-it-auth-token-0123456789")
                .withEnv("KC_SPI_SSPR_PHONE_GATEWAY__SSPR_TWILIO__FROM_NUMBER", "+15005550006")
                .withEnv("KC_SPI_SSPR_PHONE_GATEWAY__SSPR_TWILIO__API_BASE_URL", twilioServer.baseUrl().toString())
                .withCreateContainerCmdModifier(PackImageContainerIT::publishOnLoopbackOnly)
                .withLogConsumer(serverLog)
                .withStartupTimeout(Duration.ofMinutes(4));
        try {
            keycloak.start();
        } catch (RuntimeException notStarted) {
            throw new IllegalStateException("Keycloak in " + System.getProperty("sspr.packImage")
                    + " did not start; the last lines of its log: " + lastLines(serverLog.toUtf8String(), 12),
                    notStarted);
        }
        keycloak.getKeycloakAdminClient().realms().create(realm(bridge, mail.getSmtp().getPort()));
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {twilioServer, callback}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void theServerInfoOfTheImageListsThePack() {
        Map<String, SpiInfoRepresentation> spis = keycloak.getKeycloakAdminClient().serverInfo().getInfo().getProviders();
        ProviderRepresentation pack = spis.get("sspr-pack").getProviders().get("sspr-pack");
        assertThat(pack.getOperationalInfo()).containsEntry("version", System.getProperty("sspr.version"));
        assertThat(spis.get("authenticator").getProviders())
                .containsKeys("sspr-choose-account", "sspr-verify-identity", "sspr-new-password");
        assertThat(spis.get("required-action").getProviders()).containsKey("sspr-register-security-info");
    }

    @Test
    void aTwoMethodResetRunsInsideTheContainer() throws Exception {
        ResetJourney journey = new ResetJourney(keycloak.getAuthServerUrl(), REALM)
                .returningTo(callback.baseUrl() + "/callback").start().chooseAccount(USER);
        assertThat(journey.pageTitle()).isEqualTo("Verify your identity");

        journey.selectMethod("sspr-sms");
        String smsCode = Codes.in(twilio.awaitRequests(1, Duration.ofSeconds(15)).get(0).body());
        journey.enterCode(smsCode);

        // The one method left starts at once: its code goes to the alternate address, through the realm's SMTP server.
        assertThat(mail.waitForIncomingEmail(15_000, 1)).as("the code mail reached the sink on the bridge").isTrue();
        MimeMessage codeMail = mail.getReceivedMessages()[0];
        assertThat(codeMail.getAllRecipients()[0].toString()).isEqualTo(ALTERNATE);
        journey.enterCode(Codes.in(MailContent.text(codeMail)));

        assertThat(journey.fieldNames()).contains("password-new");
        journey.setNewPassword(NEW_PASSWORD);
        assertThat(journey.url()).startsWith(callback.baseUrl() + "/callback").contains("code=");

        FormBrowser signIn = new FormBrowser().open(keycloak.getAuthServerUrl() + "/realms/" + REALM
                + "/protocol/openid-connect/auth?client_id=" + SsprResetRealm.CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + callback.baseUrl() + "/callback");
        signIn.submit(Map.of("username", USER, "password", NEW_PASSWORD));
        assertThat(signIn.url()).as("signed in with the new password").startsWith(callback.baseUrl() + "/callback")
                .contains("code=");
    }

    /**
     * Docker publishes a random port twice, on 0.0.0.0 and on ::, and chooses the two numbers separately: when one is
     * taken they differ, and testcontainers reads the first binding (testcontainers-java#9411), so the test waits on
     * a port nothing listens on. One binding, on IPv4 loopback, leaves nothing to choose (and nothing on the network).
     */
    private static void publishOnLoopbackOnly(CreateContainerCmd create) {
        create.getHostConfig().withPortBindings(Arrays.stream(create.getExposedPorts())
                .map(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), port)).toList());
    }

    private static String lastLines(String log, int count) {
        List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    private static RealmRepresentation realm(String smtpHost, int smtpPort) {
        RealmRepresentation realm = SsprResetRealm.configure(RealmBuilder.create().name(REALM), Map.of(
                        "sspr.methods", "sspr-sms##sspr-email",
                        "sspr.methods.required", "2",
                        "sspr.captcha.difficulty", "1000"))
                .users(UserBuilder.create(USER).email("zoe@container.example").emailVerified(true)
                        .name("Zoe", "Container").password("Current-Passw0rd!").enabled(true)
                        .credential(SeededCredentials.mobilePhone(PHONE))
                        .credential(SeededCredentials.alternateEmail(ALTERNATE)))
                .build();
        realm.setSmtpServer(Map.of("host", smtpHost, "port", Integer.toString(smtpPort),
                "from", "sso@container.example"));
        for (ClientRepresentation client : realm.getClients()) {
            if (SsprResetRealm.CLIENT_ID.equals(client.getClientId())) {
                client.setRedirectUris(List.of(callback.baseUrl() + "/callback"));
            }
        }
        return realm;
    }
}
