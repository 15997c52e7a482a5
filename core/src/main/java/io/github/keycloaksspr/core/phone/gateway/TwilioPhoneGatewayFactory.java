package io.github.keycloaksspr.core.phone.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;

import com.twilio.security.RequestValidator;

import io.github.keycloaksspr.core.phone.PhoneDelivery;
import io.github.keycloaksspr.core.phone.PhoneDeliveryException;
import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.core.phone.TwilioPhoneSender;
import io.github.keycloaksspr.core.phone.TwilioSettings;
import io.github.keycloaksspr.core.phone.VoiceTwiml;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Twilio as the phone gateway. Configured with server options, e.g.
 * {@code --spi-sspr-phone-gateway--sspr-twilio--account-sid=AC...} (or {@code KC_SPI_SSPR_PHONE_GATEWAY__SSPR_TWILIO__ACCOUNT_SID}).
 * One sender per node: it holds the HTTP client that every request shares.
 */
public final class TwilioPhoneGatewayFactory implements PhoneGatewayFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "sspr-twilio";

    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String FROM_NUMBER = "from-number";
    static final String API_BASE_URL = "api-base-url";
    static final String CONNECT_TIMEOUT_MS = "connect-timeout-ms";
    static final String REQUEST_TIMEOUT_MS = "request-timeout-ms";
    static final String VOICE_KEYPRESS = "voice-keypress";
    static final String VOICE_CALLBACK_BASE_URL = "voice-callback-base-url";
    /** Twilio signs every request it makes to a callback URL with the account's auth token. */
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private static final Logger LOG = Logger.getLogger(TwilioPhoneGatewayFactory.class);

    private TwilioSettings settings;
    private TwilioPhoneSender sender;
    private RequestValidator callbackValidator;
    private boolean voiceKeypress;
    private URI voiceCallbackBaseUrl;

    @Override
    public PhoneGateway create(KeycloakSession session) {
        return new TwilioPhoneGateway(sender, callbackValidator, voiceKeypress,
                Optional.ofNullable(voiceCallbackBaseUrl));
    }

    @Override
    public void init(Config.Scope config) {
        String accountSid = config.get(ACCOUNT_SID);
        String authToken = config.get(AUTH_TOKEN);
        String fromNumber = config.get(FROM_NUMBER);
        if (accountSid == null && authToken == null && fromNumber == null) {
            LOG.info("SSPR phone gateway sspr-twilio not configured: SMS and voice methods are unavailable");
            return;
        }
        try {
            settings = TwilioSettings.of(accountSid, authToken, fromNumber)
                    .withApiBaseUrl(config.get(API_BASE_URL, TwilioSettings.DEFAULT_API_BASE_URL.toString()))
                    .withTimeouts(Duration.ofMillis(config.getLong(CONNECT_TIMEOUT_MS, 5_000L)),
                            Duration.ofMillis(config.getLong(REQUEST_TIMEOUT_MS, 10_000L)));
            sender = new TwilioPhoneSender(settings);
            callbackValidator = new RequestValidator(authToken);
            voiceKeypress = config.getBoolean(VOICE_KEYPRESS, true);
            String callbackBase = config.get(VOICE_CALLBACK_BASE_URL);
            voiceCallbackBaseUrl = callbackBase == null || callbackBase.isBlank() ? null : httpsOrLoopback(callbackBase);
        } catch (IllegalArgumentException e) {
            // The message names the option, never its value.
            LOG.errorf("SSPR phone gateway sspr-twilio misconfigured, SMS and voice are unavailable: %s", e.getMessage());
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
        sender = null;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ACCOUNT_SID).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Twilio account SID (AC...)").add()
                .property().name(AUTH_TOKEN).type(ProviderConfigProperty.PASSWORD).secret(true)
                .helpText("Twilio auth token; prefer an environment variable or the vault").add()
                .property().name(FROM_NUMBER).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Sender number in E.164, e.g. +15005550006").add()
                .property().name(API_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(TwilioSettings.DEFAULT_API_BASE_URL.toString())
                .helpText("Twilio REST API base URL (a local stand-in in tests)").add()
                .property().name(VOICE_KEYPRESS).type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(true)
                .helpText("Voice calls speak the code only after a keypress (an answering machine never records it);"
                        + " Twilio must reach the server's public URL /realms/{realm}/sspr-voice/").add()
                .property().name(VOICE_CALLBACK_BASE_URL).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Public base URL Twilio calls back after a keypress, e.g. https://sso.example.com; default:"
                        + " the realm's frontend URL (Keycloak's hostname). Set it where the hostname is not strict").add()
                .property().name(CONNECT_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(5000)
                .helpText("Connect timeout in milliseconds").add()
                .property().name(REQUEST_TIMEOUT_MS).type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(10000)
                .helpText("Timeout of one send in milliseconds").add()
                .build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return settings == null
                ? Map.of("configured", "false")
                : Map.of("configured", "true", "api-base-url", settings.apiBaseUrl().toString(),
                        "voice-keypress", Boolean.toString(voiceKeypress));
    }

    /** An https URL (or plain http on a loopback address, for tests): Twilio calls only what it can verify. */
    private static URI httpsOrLoopback(String value) {
        URI uri = URI.create(value.strip());
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException(VOICE_CALLBACK_BASE_URL + " must be an https URL");
        }
        return uri;
    }

    private record TwilioPhoneGateway(TwilioPhoneSender sender, RequestValidator callbackValidator,
                                      boolean asksForKeypress, Optional<URI> callbackBaseUrl) implements PhoneGateway {

        @Override
        public boolean isConfigured() {
            return sender != null;
        }

        @Override
        public PhoneDelivery sendSms(String toE164, String body) throws PhoneDeliveryException {
            return configuredSender().sendSms(toE164, body);
        }

        @Override
        public PhoneDelivery placeCall(String toE164, SpokenMessage message) throws PhoneDeliveryException {
            return configuredSender().placeCall(toE164, VoiceTwiml.of(message));
        }

        @Override
        public PhoneDelivery placeCallAskingForKey(String toE164, SpokenMessage prompt, URI callback)
                throws PhoneDeliveryException {
            return configuredSender().placeCall(toE164, VoiceTwiml.askingForKey(prompt, callback));
        }

        @Override
        public boolean callbackAuthentic(String url, Map<String, String> form, HttpHeaders headers) {
            String signature = headers.getHeaderString(SIGNATURE_HEADER);
            return callbackValidator != null && signature != null && !signature.isBlank()
                    && callbackValidator.validate(url, form, signature);
        }

        @Override
        public String speech(SpokenMessage message) {
            return VoiceTwiml.of(message);
        }

        private TwilioPhoneSender configuredSender() {
            if (sender == null) {
                throw new IllegalStateException("the phone gateway is not configured");
            }
            return sender;
        }
    }
}
