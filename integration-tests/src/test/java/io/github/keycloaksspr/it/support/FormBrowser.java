package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The smallest browser that can walk Keycloak's server-rendered login pages: keeps cookies, follows redirects, submits
 * the page's form. For checks outside the test framework (the demo runs its own Keycloak), where no WebDriver is managed.
 */
public final class FormBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*>\\s*([^<]*?)\\s*</a>");
    private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]*?)\\s*</title>");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LoopbackCookieJar())
            .followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The client address a reverse proxy would pass on ({@code X-Forwarded-For}), or null to send none. */
    private final String forwardedFor;

    private HttpResponse<String> current;
    /** The browser's own line, when a test sends one (an attacker chooses it freely). */
    private String userAgent;
    /** The port the next form goes to, whatever the page says: another node of a cluster on the same host. */
    private int nextPort = -1;

    public FormBrowser() {
        this(null);
    }

    /**
     * A browser behind a reverse proxy that passes {@code clientAddress} on as {@code X-Forwarded-For}: on a server
     * started with {@code proxy-headers=xforwarded} ({@link ProxiedServerConfig}) each such browser is its own client
     * address, as users are in production. A server without that option ignores the header.
     */
    public FormBrowser(String clientAddress) {
        this.forwardedFor = clientAddress;
    }

    public FormBrowser open(String url) throws IOException, InterruptedException {
        current = http.send(request(onNextPort(URI.create(url))).GET().build(), HttpResponse.BodyHandlers.ofString());
        return this;
    }

    /** Sends {@code line} as the {@code User-Agent} of every request from now on. */
    public FormBrowser withUserAgent(String line) {
        userAgent = line;
        return this;
    }

    /** Sends the next requests to {@code port} on the same host (cookies go along: they do not name a port). */
    public FormBrowser via(int port) {
        nextPort = port;
        return this;
    }

    private URI onNextPort(URI uri) {
        if (nextPort < 0) {
            return uri;
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + nextPort + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
    }

    /** Submits the page's first form with these fields, as pressing its submit button does. */
    public FormBrowser submit(Map<String, String> fields) throws IOException, InterruptedException {
        current = http.send(postOfFirstForm(fields), HttpResponse.BodyHandlers.ofString());
        return this;
    }

    private HttpRequest postOfFirstForm(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(html());
        if (!action.find()) {
            throw new AssertionError("no form on " + url() + ":\n" + html());
        }
        URI target = onNextPort(current.uri().resolve(unescape(action.group(1))));
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * Posts the page's first form {@code times} times at once with the same cookies, as an attacker racing one
     * session does; the page stays as it was. @return the status of each answer
     */
    public List<Integer> submitConcurrently(Map<String, String> fields, int times) throws InterruptedException {
        HttpRequest post = postOfFirstForm(fields);
        // One HTTP/1.1 connection per post, all opened before any is answered: the server handles them side by side.
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            HttpClient racer = HttpClient.newBuilder().cookieHandler(http.cookieHandler().orElseThrow())
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            inFlight.add(racer.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : inFlight) {
            try {
                statuses.add(answer.get().statusCode());
            } catch (ExecutionException e) {
                throw new AssertionError("a concurrent post failed", e.getCause());
            }
        }
        return statuses;
    }

    public FormBrowser clickLink(String text) throws IOException, InterruptedException {
        Matcher link = LINK.matcher(html());
        while (link.find()) {
            if (link.group(2).equals(text)) {
                return open(current.uri().resolve(unescape(link.group(1))).toString());
            }
        }
        throw new AssertionError("no link '" + text + "' on " + url());
    }

    /** Follows the first link whose address contains {@code hrefPart}, whatever its text's language. */
    public FormBrowser clickLinkTo(String hrefPart) throws IOException, InterruptedException {
        Matcher link = LINK.matcher(html());
        while (link.find()) {
            String href = unescape(link.group(1));
            if (href.contains(hrefPart)) {
                return open(current.uri().resolve(href).toString());
            }
        }
        throw new AssertionError("no link to '" + hrefPart + "' on " + url());
    }

    /** The names of the current page's form fields (inputs, selects, textareas, named buttons), in page order. */
    public List<String> fieldNames() {
        Matcher form = Pattern.compile("<form[\\s\\S]*?</form>").matcher(html());
        List<String> names = new ArrayList<>();
        while (form.find()) {
            Matcher name = Pattern.compile("<(?:input|select|textarea|button)[^>]*\\sname=\"([^\"]+)\"").matcher(form.group());
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /** The text of the element with this id, tags removed and whitespace collapsed. */
    public String textOf(String id) {
        Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([\\s\\S]*?)</").matcher(html());
        return element.find() ? element.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip() : "";
    }

    public String title() {
        Matcher title = TITLE.matcher(html());
        return title.find() ? title.group(1) : "";
    }

    public String html() {
        return current.body();
    }

    public String url() {
        return current.uri().toString();
    }

    public int status() {
        return current.statusCode();
    }

    /**
     * Keeps every cookie and sends it back to every loopback URL. The JDK's CookieManager withholds Keycloak's
     * {@code Secure} cookies over plain http, which browsers send to localhost (a secure context).
     */
    private static final class LoopbackCookieJar extends CookieHandler {

        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            String header = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
            return Map.of("Cookie", List.of(header));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("set-cookie".equalsIgnoreCase(name)) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                return;
            }
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
    }
}
