package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * A local server that speaks the Pwned Passwords range API the way api.pwnedpasswords.com does: {@code GET
 * /range/{5 hex}} answers {@code SUFFIX:COUNT} lines (CRLF) for every listed password under that prefix, padded with
 * zero-count lines when asked with {@code Add-Padding: true}. Tests list passwords as breached, make it slow, and read
 * which prefixes were asked (never more than a prefix reaches it).
 */
public final class PwnedPasswordsStandIn implements HttpHandler {

    /** Under whatever path the stand-in is mounted. */
    private static final Pattern RANGE = Pattern.compile("/range/([0-9A-Fa-f]{5})$");
    private static final int PADDING_LINES = 20;

    private final Set<String> breachedHashes = ConcurrentHashMap.newKeySet();
    private final List<String> askedPrefixes = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    public LoopbackServer startOn(InetSocketAddress address) {
        return LoopbackServer.start(address, this, "pwned-passwords-stand-in");
    }

    /** Lists {@code password} as seen in breaches. */
    public void breached(String password) {
        breachedHashes.add(sha1(password));
    }

    public void delayResponses(Duration delay) {
        this.delay = delay;
    }

    public void reset() {
        breachedHashes.clear();
        askedPrefixes.clear();
        delay = Duration.ZERO;
    }

    /** The prefixes asked for, in order: all the service ever learns. */
    public List<String> askedPrefixes() {
        return List.copyOf(askedPrefixes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher range = RANGE.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !range.find()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String prefix = range.group(1).toUpperCase();
            askedPrefixes.add(prefix);
            pause();
            StringBuilder body = new StringBuilder();
            for (String hash : breachedHashes) {
                if (hash.startsWith(prefix)) {
                    body.append(hash.substring(5)).append(":42\r\n");
                }
            }
            if ("true".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Add-Padding"))) {
                for (int i = 0; i < PADDING_LINES; i++) {
                    body.append(sha1(prefix + "-padding-" + i).substring(5)).append(":0\r\n");
                }
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
