package io.github.keycloaksspr.passwordpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class PwnedPasswordsRangeTest {

    @Test
    void onlyTheFirstFiveHexDigitsOfTheSha1LeaveTheServer() {
        assertThat(PwnedPasswordsRange.sha1Hex("password")).isEqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
    }

    @Test
    void theServiceAddressMustBeAnHttpUrlWithAHost() {
        assertThat(BreachedPasswordsPolicyProviderFactory.apiBaseUrl("http://127.0.0.1:8600").getPort()).isEqualTo(8600);
        assertThatThrownBy(() -> BreachedPasswordsPolicyProviderFactory.apiBaseUrl("file:///etc/passwd"))
                .hasMessage("option api-base-url must be an http(s) URL with a host");
        assertThatThrownBy(() -> BreachedPasswordsPolicyProviderFactory.timeout(50))
                .hasMessage("option timeout-ms must be 100 to 30000");
    }

    @Test
    void aServiceThatIsNotThereIsUnavailableNotAnError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PwnedPasswordsRange range = new PwnedPasswordsRange(URI.create("http://127.0.0.1:" + closedPort),
                Duration.ofMillis(500));
        assertThatThrownBy(() -> range.isBreached("password")).isInstanceOf(PwnedPasswordsRange.Unavailable.class)
                .hasMessageNotContaining("password").hasMessageNotContaining("5BAA6");
    }
}
