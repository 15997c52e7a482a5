package io.github.keycloaksspr.testsinks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** A read-only HTML page with every mail and every SMS or call the demo sinks received, newest first. */
final class DemoInboxPage implements HttpHandler {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final GreenMail mail;
    private final TwilioApiStandIn twilio;
    /** What a call said after the demo's callee pressed a key. */
    private final java.util.Map<RecordedTwilioRequest, String> keypressAnswers;

    DemoInboxPage(GreenMail mail, TwilioApiStandIn twilio, java.util.Map<RecordedTwilioRequest, String> keypressAnswers) {
        this.mail = mail;
        this.twilio = twilio;
        this.keypressAnswers = keypressAnswers;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            boolean isPage = exchange.getRequestURI().getPath().equals("/");
            boolean isRead = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
            int status = !isRead ? 405 : isPage ? 200 : 404;
            byte[] page = (status == 200 ? render() : "<h1>" + status + "</h1>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : page.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            }
        } finally {
            exchange.close();
        }
    }

    String render() {
        List<ReceivedMail> mails = new ArrayList<>(Arrays.stream(mail.getReceivedMessages()).map(ReceivedMail::of).toList());
        Collections.reverse(mails);
        List<RecordedTwilioRequest> phone = new ArrayList<>(twilio.requests().stream()
                .filter(request -> request.kind() != RecordedTwilioRequest.Kind.OTHER)
                .toList());
        Collections.reverse(phone);

        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta http-equiv="refresh" content="5">
                <title>keycloak-sspr demo inbox</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem; }
                  table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }
                  th, td { border: 1px solid #ccc; padding: .4rem; text-align: left; vertical-align: top; }
                  pre { white-space: pre-wrap; margin: 0; }
                  .rejected { color: #a00; }
                </style></head><body>
                <h1>Demo inbox</h1>
                <p>Everything the local sinks received. This page reloads every 5 seconds.</p>
                """);
        html.append("<h2>SMS and calls (").append(phone.size()).append(")</h2>\n");
        html.append("<table><tr><th>Received</th><th>Kind</th><th>To</th><th>From</th><th>Text / TwiML</th><th>Answer</th></tr>\n");
        for (RecordedTwilioRequest request : phone) {
            html.append("<tr").append(request.accepted() ? "" : " class=\"rejected\"").append(">")
                    .append(cell(time(request.receivedAt())))
                    .append(cell(request.kind() == RecordedTwilioRequest.Kind.SMS ? "SMS" : "Call"))
                    .append(cell(request.to()))
                    .append(cell(request.from()))
                    .append("<td><pre>").append(escape(request.kind() == RecordedTwilioRequest.Kind.SMS ? request.body()
                            : request.twiml() + (keypressAnswers.containsKey(request)
                            ? "\n\nAfter a key: " + keypressAnswers.get(request) : ""))).append("</pre></td>")
                    .append(cell(String.valueOf(request.responseStatus())))
                    .append("</tr>\n");
        }
        html.append("</table>\n");
        html.append("<h2>Mail (").append(mails.size()).append(")</h2>\n");
        html.append("<table><tr><th>Sent</th><th>From</th><th>To</th><th>Subject</th><th>Text</th></tr>\n");
        for (ReceivedMail received : mails) {
            html.append("<tr>")
                    .append(cell(time(received.sentAt())))
                    .append(cell(received.from()))
                    .append(cell(received.to()))
                    .append(cell(received.subject()))
                    .append("<td><pre>").append(escape(received.text())).append("</pre></td>")
                    .append("</tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static String cell(String text) {
        return "<td>" + escape(text) + "</td>";
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
