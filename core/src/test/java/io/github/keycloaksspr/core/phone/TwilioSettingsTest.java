package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioSettingsTest {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dfeedf00dfeedf00dfeedf00dfeed";
    private static final String FROM = "+15005550006";

    @Test
    void defaultsPointAtTwilioWithBoundedTimeouts() {
        TwilioSettings settings = TwilioSettings.of(SID, TOKEN, FROM);

        assertThat(settings.apiBaseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void toStringHidesTheToken() {
        String text = TwilioSettings.of(SID, TOKEN, FROM).toString();

        assertThat(text).doesNotContain(TOKEN).contains(SID).contains(FROM).contains("hidden");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "AC 123", "AC:123"})
    void refusesUnusableAccountSid(String sid) {
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioSettings.of(sid, TOKEN, FROM));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "secret with space"})
    void refusesUnusableTokenWithoutQuotingIt(String token) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TwilioSettings.of(SID, token, FROM))
                .withMessageContaining("auth token")
                .satisfies(e -> {
                    if (token != null && !token.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(token);
                    }
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"15005550006", "+0123456", "+1 500 555 0006", "+1234567890123456", "Sender"})
    void refusesSenderNotInE164(String from) {
        assertThatIllegalArgumentException().isThrownBy(() -> TwilioSettings.of(SID, TOKEN, from));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.twilio.com", "api.twilio.com", "https://", "https://u:p@host",
            "https://host?x=1", "https://host#f", "not a url"})
    void refusesBaseUrlThatIsNotPlainHttp(String url) {
        TwilioSettings settings = TwilioSettings.of(SID, TOKEN, FROM);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings.withApiBaseUrl(url))
                .withMessageNotContaining("u:p");
    }

    @Test
    void baseUrlLosesItsTrailingSlashAndKeepsAPathPrefix() {
        TwilioSettings settings = TwilioSettings.of(SID, TOKEN, FROM);

        assertThat(settings.withApiBaseUrl("http://127.0.0.1:8089/").apiBaseUrl()).hasToString("http://127.0.0.1:8089");
        assertThat(settings.withApiBaseUrl("HTTPS://proxy.example/twilio/").apiBaseUrl()).hasToString("https://proxy.example/twilio");
    }

    @Test
    void refusesNonPositiveTimeouts() {
        TwilioSettings settings = TwilioSettings.of(SID, TOKEN, FROM);

        assertThatIllegalArgumentException().isThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> settings.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> settings.withTimeouts(null, Duration.ofSeconds(1)));
    }
}
