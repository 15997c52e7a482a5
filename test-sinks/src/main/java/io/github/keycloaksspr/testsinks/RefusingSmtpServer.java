package io.github.keycloaksspr.testsinks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server on 127.0.0.1 that refuses some recipients for good, as a real one answers a mailbox that does not
 * exist ({@code 550 5.1.1} to {@code RCPT TO}), and accepts and keeps the rest: the minimum of SMTP Jakarta Mail
 * speaks without TLS or authentication.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Set<String> refused;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private RefusingSmtpServer(Set<String> refused) throws IOException {
        this.refused = Set.copyOf(refused.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts on a free port; mails to {@code refused} get a permanent refusal. */
    public static RefusingSmtpServer refusing(Set<String> refused) throws IOException {
        return new RefusingSmtpServer(refused);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The recipients of the mails taken, in order. */
    public List<String> accepted() {
        return Collections.unmodifiableList(accepted);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // a closed socket ends the loop; a broken conversation is the client's
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 localhost ESMTP refusing sink");
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 localhost");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                reply(out, "250 2.1.0 OK");
            } else if (command.startsWith("RCPT TO")) {
                String address = line.substring(line.indexOf(':') + 1).replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT);
                if (refused.contains(address)) {
                    reply(out, "550 5.1.1 mailbox unavailable");
                } else {
                    recipients.add(address);
                    reply(out, "250 2.1.5 OK");
                }
            } else if (command.equals("DATA")) {
                reply(out, "354 end with <CRLF>.<CRLF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not kept
                }
                accepted.addAll(recipients);
                reply(out, "250 2.0.0 OK");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 bye");
                return;
            } else {
                reply(out, "250 OK");
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
