package io.github.keycloaksspr.testsinks;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Ports of the demo sinks on 127.0.0.1; 0 picks a free one. Defaults, overridden by the system
 * properties {@code sspr.demo.smtp-port}, {@code sspr.demo.twilio-port}, {@code sspr.demo.inbox-port},
 * overridden by the arguments {@code --smtp-port N} etc. (or {@code --smtp-port=N}).
 */
public record DemoPorts(int smtp, int twilio, int inbox) {

    public static final String USAGE = "Usage: DemoSinks [--smtp-port 3025] [--twilio-port 8089] [--inbox-port 8090]";
    public static final DemoPorts DEFAULTS = new DemoPorts(3025, 8089, 8090);

    public DemoPorts {
        for (int port : new int[] {smtp, twilio, inbox}) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("Port out of range: " + port);
            }
        }
    }

    /** Defaults, overridden by system properties, overridden by arguments. */
    public static DemoPorts from(String[] args, Properties properties) {
        Map<String, Integer> ports = new HashMap<>(Map.of(
                "smtp-port", DEFAULTS.smtp(), "twilio-port", DEFAULTS.twilio(), "inbox-port", DEFAULTS.inbox()));
        ports.replaceAll((name, port) -> {
            String property = properties.getProperty("sspr.demo." + name);
            return property == null ? port : parsePort(name, property);
        });
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : args[i];
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!ports.containsKey(name) || value == null) {
                throw new IllegalArgumentException("Unknown or incomplete argument: " + args[i]);
            }
            ports.put(name, parsePort(name, value));
        }
        return new DemoPorts(ports.get("smtp-port"), ports.get("twilio-port"), ports.get("inbox-port"));
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }
}
