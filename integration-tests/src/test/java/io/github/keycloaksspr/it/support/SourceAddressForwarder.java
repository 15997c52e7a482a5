package io.github.keycloaksspr.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client at another address on the same machine: a TCP forwarder on a free loopback port whose connections reach
 * the server from {@code sourceAddress} (a loopback alias such as 127.0.0.5). The server sees that address as the
 * connection's own, as it would see a second machine: no header is involved. Test code only.
 */
public final class SourceAddressForwarder implements AutoCloseable {

    private final ServerSocket listener;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "source-address-forwarder");
        thread.setDaemon(true);
        return thread;
    });
    private final InetAddress source;
    private final int targetPort;

    private SourceAddressForwarder(String sourceAddress, int targetPort) throws IOException {
        this.source = InetAddress.getByName(sourceAddress);
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    /** Forwards a free port of 127.0.0.1 to 127.0.0.1:{@code targetPort}, connecting from {@code sourceAddress}. */
    public static SourceAddressForwarder from(String sourceAddress, int targetPort) throws IOException {
        return new SourceAddressForwarder(sourceAddress, targetPort);
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.bind(new InetSocketAddress(source, 0));
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                pumps.execute(() -> pump(client, upstream));
                pumps.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the other side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        pumps.shutdownNow();
    }
}
