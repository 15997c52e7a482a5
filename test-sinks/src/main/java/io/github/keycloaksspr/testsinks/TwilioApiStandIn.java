package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.keycloaksspr.testsinks.RecordedTwilioRequest.Kind;

/**
 * Answers the part of Twilio's REST API that the Twilio SDK uses to send an SMS or place a call,
 * and records every request, so tests and the demo can see what a phone would have received.
 *
 * <p>Register it on an existing server ({@code server.createContext("/2010-04-01", standIn)}) or
 * start it alone with {@link #startOn(InetSocketAddress)}. Thread-safe.
 */
public final class TwilioApiStandIn implements HttpHandler {

    private static final Pattern RESOURCE =
            Pattern.compile("/2010-04-01/Accounts/([^/]+)/(Messages|Calls)\\.json");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String expectedAccountSid;
    private final String expectedAuthToken;

    private final Object lock = new Object();
    private final List<RecordedTwilioRequest> recorded = new ArrayList<>();
    private final Queue<TwilioError> nextFailures = new ConcurrentLinkedQueue<>();
    private final List<Consumer<RecordedTwilioRequest>> listeners = new CopyOnWriteArrayList<>();
    private volatile TwilioError permanentFailure;
    private volatile Duration responseDelay = Duration.ZERO;

    private TwilioApiStandIn(String expectedAccountSid, String expectedAuthToken) {
        this.expectedAccountSid = expectedAccountSid;
        this.expectedAuthToken = expectedAuthToken;
    }

    /** A stand-in that accepts any Basic-auth credentials (but, like Twilio, requires some). */
    public static TwilioApiStandIn acceptingAnyCredentials() {
        return new TwilioApiStandIn(null, null);
    }

    /** A stand-in that answers 401 (Twilio error 20003) unless the request authenticates as given. */
    public static TwilioApiStandIn requiringCredentials(String accountSid, String authToken) {
        return new TwilioApiStandIn(Objects.requireNonNull(accountSid), Objects.requireNonNull(authToken));
    }

    /** Serves this stand-in on its own server; port 0 picks a free port. Close the result to stop it. */
    public LoopbackServer startOn(InetSocketAddress address) {
        return LoopbackServer.start(address, this, "twilio-stand-in");
    }

    // ---- programming the next answers -------------------------------------------------------

    /** The next SMS or call request is answered with {@code status} and a Twilio-style error body. */
    public void failNext(int status) {
        nextFailures.add(TwilioError.forStatus(status));
    }

    /** Like {@link #failNext(int)}, with a specific Twilio error code (e.g. 400 and 21211). */
    public void failNext(int status, int twilioErrorCode) {
        nextFailures.add(new TwilioError(status, twilioErrorCode, "Stand-in failure " + twilioErrorCode));
    }

    /** Every SMS or call request is answered with {@code status} until {@link #reset()}. */
    public void failAll(int status) {
        permanentFailure = TwilioError.forStatus(status);
    }

    /**
     * Holds every answer back this long, e.g. to run a client into its timeout. The wait happens on
     * the server's handler thread: on a server without an executor it holds up other requests too.
     */
    public void delayResponses(Duration delay) {
        responseDelay = Objects.requireNonNull(delay);
    }

    /** Forgets recorded requests, programmed failures and delays (listeners stay). */
    public void reset() {
        nextFailures.clear();
        permanentFailure = null;
        responseDelay = Duration.ZERO;
        synchronized (lock) {
            recorded.clear();
        }
    }

    /** Called on the server thread with every recorded request, accepted or not. */
    public void addListener(Consumer<RecordedTwilioRequest> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    // ---- what was received ------------------------------------------------------------------

    /** Every request received, oldest first, including rejected ones and unknown paths. */
    public List<RecordedTwilioRequest> requests() {
        synchronized (lock) {
            return List.copyOf(recorded);
        }
    }

    /** The SMS the stand-in accepted, i.e. what a phone would have received. */
    public List<RecordedTwilioRequest> messages() {
        return accepted(Kind.SMS);
    }

    /** The calls the stand-in accepted. */
    public List<RecordedTwilioRequest> calls() {
        return accepted(Kind.CALL);
    }

    private List<RecordedTwilioRequest> accepted(Kind kind) {
        return requests().stream()
                .filter(request -> request.kind() == kind && request.accepted())
                .toList();
    }

    /**
     * Waits until at least {@code count} requests were received and returns all of them.
     *
     * @throws AssertionError when fewer arrived within {@code timeout}
     */
    public List<RecordedTwilioRequest> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (recorded.size() < count) {
                long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (leftMillis <= 0) {
                    throw new AssertionError("Expected " + count + " Twilio request(s) within " + timeout
                            + ", received " + recorded.size() + ": " + recorded);
                }
                lock.wait(leftMillis);
            }
            return List.copyOf(recorded);
        }
    }

    // ---- HTTP ------------------------------------------------------------------------------------

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Instant receivedAt = Instant.now();
            String path = exchange.getRequestURI().getPath();
            FormRequest request = FormRequest.read(exchange);
            Matcher resource = RESOURCE.matcher(path);

            Kind kind = Kind.OTHER;
            String accountSid = null;
            TwilioError error = TwilioError.NOT_FOUND;
            if (resource.matches()) {
                kind = resource.group(2).equals("Messages") ? Kind.SMS : Kind.CALL;
                accountSid = resource.group(1);
                error = errorFor(exchange.getRequestMethod(), request, accountSid);
            }
            String providerSid = null;
            String answer;
            if (error != null) {
                answer = error.json();
            } else {
                providerSid = (kind == Kind.SMS ? "SM" : "CA") + HexFormat.of().formatHex(randomBytes(16));
                ZonedDateTime created = receivedAt.atZone(ZoneOffset.UTC);
                answer = kind == Kind.SMS
                        ? TwilioJson.message(providerSid, accountSid, request.first("To"), request.first("From"), request.first("Body"), created)
                        : TwilioJson.call(providerSid, accountSid, request.first("To"), request.first("From"), created);
            }
            int status = error == null ? 201 : error.status();
            record(new RecordedTwilioRequest(kind, exchange.getRequestMethod(), path, accountSid, request.basicAuthUser(),
                    request.first("To"), request.first("From"),
                    kind == Kind.SMS ? request.first("Body") : null,
                    kind == Kind.CALL ? request.first("Twiml") : null,
                    request.form(), status, providerSid, receivedAt));

            pauseBeforeAnswering();
            respond(exchange, status, answer);
        } finally {
            exchange.close();
        }
    }

    /** The authentication or programmed error for a request to a known resource, or null to accept it. */
    private TwilioError errorFor(String method, FormRequest request, String pathAccountSid) {
        if (!method.equals("POST")) {
            return TwilioError.METHOD_NOT_ALLOWED;
        }
        if (!authenticated(request)) {
            return TwilioError.AUTHENTICATE;
        }
        if (expectedAccountSid != null && !expectedAccountSid.equals(pathAccountSid)) {
            return TwilioError.NOT_FOUND;
        }
        TwilioError next = nextFailures.poll();
        return next != null ? next : permanentFailure;
    }

    private boolean authenticated(FormRequest request) {
        if (!request.hasBasicAuth()) {
            return false;
        }
        if (expectedAccountSid == null) {
            return true;
        }
        return constantTimeEquals(expectedAccountSid, request.basicAuthUser())
                & constantTimeEquals(expectedAuthToken, request.basicAuthPassword());
    }

    private void record(RecordedTwilioRequest request) {
        synchronized (lock) {
            recorded.add(request);
            lock.notifyAll();
        }
        for (Consumer<RecordedTwilioRequest> listener : listeners) {
            listener.accept(request);
        }
    }

    private void pauseBeforeAnswering() {
        Duration delay = responseDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // Expected after a delayed answer: the client timed out and closed the connection.
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
