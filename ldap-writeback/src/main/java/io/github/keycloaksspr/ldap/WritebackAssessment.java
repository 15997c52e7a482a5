package io.github.keycloaksspr.ldap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an LDAP provider's settings mean for SSPR, before anything is contacted: whether a self-service reset of one of
 * its users can reach the directory, and why not.
 *
 * @param vendor             {@code ad}, {@code other}, ... as configured
 * @param editMode           {@code WRITABLE}, {@code READ_ONLY} or {@code UNSYNCED}
 * @param encryptedTransport LDAPS or StartTLS
 * @param warnings           codes, each explained in the README: {@code disabled}, {@code read_only},
 *                           {@code unsynced}, {@code unencrypted_transport}, {@code not_active_directory}
 */
public record WritebackAssessment(String vendor, String editMode, boolean encryptedTransport, List<String> warnings) {

    public static final String DISABLED = "disabled";
    public static final String READ_ONLY = "read_only";
    public static final String UNSYNCED = "unsynced";
    public static final String UNENCRYPTED_TRANSPORT = "unencrypted_transport";
    public static final String NOT_ACTIVE_DIRECTORY = "not_active_directory";

    public WritebackAssessment {
        warnings = List.copyOf(warnings);
    }

    /** Reads a component's config (single values; Keycloak's defaults where a key is absent). */
    public static WritebackAssessment of(Map<String, String> config) {
        String vendor = value(config, "vendor", "other");
        String editMode = value(config, "editMode", "READ_ONLY").toUpperCase(Locale.ROOT);
        String url = value(config, "connectionUrl", "").trim().toLowerCase(Locale.ROOT);
        boolean startTls = Boolean.parseBoolean(value(config, "startTls", "false"));
        // Every URL of a failover list must be encrypted: any one of them may be the one used for the write.
        boolean encrypted = !url.isEmpty() && (startTls
                || Arrays.stream(url.split("\\s+")).allMatch(u -> u.startsWith("ldaps://")));
        List<String> warnings = new ArrayList<>();
        if (!Boolean.parseBoolean(value(config, "enabled", "true"))) {
            warnings.add(DISABLED);
        }
        switch (editMode) {
            case "READ_ONLY" -> warnings.add(READ_ONLY);
            case "UNSYNCED" -> warnings.add(UNSYNCED);
            default -> {
                // WRITABLE: resets are written to the directory
            }
        }
        boolean activeDirectory = "ad".equalsIgnoreCase(vendor);
        if (!encrypted && activeDirectory) {
            warnings.add(UNENCRYPTED_TRANSPORT);
        }
        if (!activeDirectory) {
            warnings.add(NOT_ACTIVE_DIRECTORY);
        }
        return new WritebackAssessment(vendor, editMode, encrypted, warnings);
    }

    /** Whether SSPR resets of this provider's users reach the directory (warnings about other vendors aside). */
    public boolean resetsReachDirectory() {
        return warnings.stream().noneMatch(w -> !NOT_ACTIVE_DIRECTORY.equals(w));
    }

    private static String value(Map<String, String> config, String key, String fallback) {
        String value = config.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
