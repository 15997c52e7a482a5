package io.github.keycloaksspr.it.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Made-up client addresses, a new one at every call (10.0.0.1, 10.0.0.2, ...), for simulated users behind
 * {@link ProxiedServerConfig}: no two share a per-address budget or ledger. Thread-safe.
 */
public final class ClientAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private ClientAddresses() {
    }

    public static String next() {
        int n = NEXT.getAndIncrement();
        return "10." + ((n >>> 16) & 0xff) + "." + ((n >>> 8) & 0xff) + "." + (n & 0xff);
    }
}
