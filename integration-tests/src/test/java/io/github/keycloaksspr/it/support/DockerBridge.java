package io.github.keycloaksspr.it.support;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/**
 * The host's address on Docker's default bridge: containers reach the host there, not on 127.0.0.1. Test sinks bind
 * to it (and to nothing wider) so that a server in a container can deliver to them.
 */
public final class DockerBridge {

    private static final String BRIDGE_INTERFACE = "docker0";

    private DockerBridge() {
    }

    public static String hostAddress() {
        try {
            NetworkInterface bridge = NetworkInterface.getByName(BRIDGE_INTERFACE);
            if (bridge != null) {
                for (InetAddress address : bridge.inetAddresses().toList()) {
                    if (address instanceof Inet4Address) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot read the network interfaces", e);
        }
        throw new IllegalStateException("no " + BRIDGE_INTERFACE + " interface with an IPv4 address: is the Docker "
                + "engine running (scripts/test.sh starts it)?");
    }
}
