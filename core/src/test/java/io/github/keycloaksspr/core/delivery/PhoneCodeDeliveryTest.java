package io.github.keycloaksspr.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.keycloaksspr.core.method.MethodContext;
import io.github.keycloaksspr.core.phone.PhoneDelivery;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.gateway.PhoneGateway;
import io.github.keycloaksspr.core.policy.SsprPolicy;
import io.github.keycloaksspr.core.testing.Proxies;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The SMS and voice deliveries every caller (reset, MFA, registration) shares: what reaches the gateway. */
class PhoneCodeDeliveryTest {

    private static final String NUMBER = "+4915112345678";

    private final RecordingGateway gateway = new RecordingGateway(true);

    @Test
    void anSmsCarriesTheCodeInTheRealmsWordingAndLanguage() throws Exception {
        MethodContext context = context(gateway, Locale.GERMAN);
        PhoneCodeDelivery.SMS.compose(context, null, NUMBER, "482913").transmit(context.session(), context.realm());

        assertThat(gateway.texts).containsExactly(NUMBER + ": Ihr Code für Acme Login: 482913");
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void aCallReadsTheCodeDigitByDigitTwiceInTheUsersLanguage() throws Exception {
        MethodContext context = context(gateway, Locale.GERMANY);
        PhoneCodeDelivery.VOICE.compose(context, null, NUMBER, "4829").transmit(context.session(), context.realm());

        assertThat(gateway.calls).containsExactly(new SpokenMessage("4, 8, 2, 9.", "de-DE", 2));
        assertThat(gateway.texts).isEmpty();
    }

    @Test
    void withoutAConfiguredGatewayNothingIsSentAndTheCallerIsTold() {
        RecordingGateway unconfigured = new RecordingGateway(false);

        MethodContext context = context(unconfigured, Locale.ENGLISH);
        Transmission text = PhoneCodeDelivery.SMS.compose(context, null, NUMBER, "482913");

        assertThatThrownBy(() -> text.transmit(context.session(), context.realm())).isInstanceOf(IllegalStateException.class).hasMessageNotContaining("482913");
        assertThat(unconfigured.texts).isEmpty();
    }

    @Test
    void composingSendsNothingTheMessageLeavesOnlyWhenTransmitted() {
        PhoneCodeDelivery.SMS.compose(context(gateway, Locale.ENGLISH), null, NUMBER, "482913");
        PhoneCodeDelivery.VOICE.compose(context(gateway, Locale.ENGLISH), null, NUMBER, "482913");

        assertThat(gateway.texts).isEmpty();
        assertThat(gateway.calls).isEmpty();
    }

    @Test
    void bothPhoneChannelsShowTheNumberMaskedAlike() {
        assertThat(PhoneCodeDelivery.SMS.masked(NUMBER)).isEqualTo("+49 \u2022\u2022\u2022 \u2022\u2022 78")
                .isEqualTo(PhoneCodeDelivery.VOICE.masked(NUMBER));
        assertThat(EmailCodeDelivery.INSTANCE.masked("maria@gmail.com")).isEqualTo("m\u2022\u2022\u2022@gmail.com");
    }

    private static MethodContext context(PhoneGateway gateway, Locale locale) {
        RealmModel realm = Proxies.of(RealmModel.class, Map.of(
                "getName", args -> "acme",
                "getDisplayName", args -> "Acme Login",
                "getRealmLocalizationTextsByLocale", args -> "de".equals(args[0]) || "de-DE".equals(args[0])
                        ? Map.of("ssprSmsCodeText", "Ihr Code f\u00fcr {0}: {1}")
                        : Map.of("ssprSmsCodeText", "Your {0} code: {1}")));
        // Outside a request (no frontend URL) a text has no origin-bound line; OriginBoundCodeTest shows the line.
        KeycloakContext noRequest = Proxies.of(KeycloakContext.class, Map.of("getUri", args -> null));
        KeycloakSession session = Proxies.of(KeycloakSession.class, Map.of(
                "getProvider", args -> args[0] == PhoneGateway.class ? gateway : null,
                "getContext", args -> noRequest));
        return new MethodContext(session, realm, null, SsprPolicy.DEFAULTS, "127.0.0.1", locale);
    }

    private static final class RecordingGateway implements PhoneGateway {

        final List<String> texts = new ArrayList<>();
        final List<SpokenMessage> calls = new ArrayList<>();
        private final boolean configured;

        RecordingGateway(boolean configured) {
            this.configured = configured;
        }

        @Override
        public boolean isConfigured() {
            return configured;
        }

        @Override
        public PhoneDelivery sendSms(String toE164, String body) {
            texts.add(toE164 + ": " + body);
            return new PhoneDelivery("SM1", "queued");
        }

        @Override
        public PhoneDelivery placeCall(String toE164, SpokenMessage message) {
            calls.add(message);
            return new PhoneDelivery("CA1", "queued");
        }
    }
}
