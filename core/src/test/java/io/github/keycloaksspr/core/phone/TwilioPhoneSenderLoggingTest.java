package io.github.keycloaksspr.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import io.github.keycloaksspr.core.phone.SpokenMessage;
import io.github.keycloaksspr.testsinks.LoopbackServer;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With debug logging on for the SDK and for us (as an operator might switch it on), sends still
 * work and nothing logged holds the token, the text or the full number.
 */
class TwilioPhoneSenderLoggingTest {

    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String AUTH_TOKEN = "s3cr3t-auth-token-0123456789abcd";
    private static final String TO = "+4915112345678";
    private static final String BODY = "Your password reset code is 864209";

    private static final List<String> LOGGERS = List.of("com.twilio", "io.github.keycloaksspr");

    private final TwilioApiStandIn standIn = TwilioApiStandIn.requiringCredentials(ACCOUNT_SID, AUTH_TOKEN);
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private LoopbackServer server;

    @BeforeEach
    void debugOn() {
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.FINEST);
            logger.addHandler(capture);
        }
        capture.setLevel(Level.ALL);
        server = standIn.startOn(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void debugOff() {
        server.close();
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.removeHandler(capture);
            logger.setLevel(null);
        }
    }

    @Test
    void debugLogsMaskTheNumberAndOmitTokenAndText() throws Exception {
        TwilioPhoneSender sender = new TwilioPhoneSender(TwilioSettings.of(ACCOUNT_SID, AUTH_TOKEN, "+15005550006")
                .withApiBaseUrl(server.baseUrl().toString())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

        sender.sendSms(TO, BODY);
        sender.placeCall(TO, VoiceTwiml.of(SpokenMessage.codeReadTwice("864209", "en-US")));
        standIn.failNext(500);
        catchThrowableOfType(PhoneDeliveryException.class, () -> sender.sendSms(TO, BODY));

        assertThat(logged)
                .anySatisfy(line -> assertThat(line).contains("Twilio accepted SMS to +49 \u2022\u2022\u2022 \u2022\u2022 78"))
                .anySatisfy(line -> assertThat(line).contains("Twilio API Request"))
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain(AUTH_TOKEN)
                        .doesNotContain("864209")
                        .doesNotContain("8, 6, 4")
                        .doesNotContain(TO.substring(1)));
    }
}
