package io.github.keycloaksspr.it.support;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.keycloaksspr.testsinks.CalleeKeypress;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest;
import io.github.keycloaksspr.testsinks.TwilioApiStandIn;

/** The Twilio account the test server is configured with, and its stand-in on the framework's HTTP server. */
public final class TwilioAccount {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000042";
    public static final String AUTH_TOKEN = "server-it-auth-token-fedcba9876543210";
    public static final String FROM = "+15005550006";
    /** The framework's injected HTTP server listens here. */
    public static final String API_BASE_URL = "http://127.0.0.1:8500";

    private TwilioAccount() {
    }

    /** Registers a fresh stand-in for one test; close the returned handle when the test ends. */
    public static Registration standInOn(HttpServer server) {
        TwilioApiStandIn standIn = TwilioApiStandIn.requiringCredentials(ACCOUNT_SID, AUTH_TOKEN);
        HttpContext context = server.createContext("/2010-04-01", standIn);
        return new Registration(server, context, standIn);
    }

    public record Registration(HttpServer server, HttpContext context, TwilioApiStandIn twilio) implements AutoCloseable {

        /** The callee presses a key on {@code call}: what the call says then (Twilio's signed callback). */
        public String pressKey(RecordedTwilioRequest call) throws java.io.IOException, InterruptedException {
            java.net.http.HttpResponse<String> answer = new CalleeKeypress(AUTH_TOKEN).press(call, "1");
            if (answer.statusCode() != 200) {
                throw new AssertionError("the callback answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }

        @Override
        public void close() {
            server.removeContext(context);
        }
    }
}
