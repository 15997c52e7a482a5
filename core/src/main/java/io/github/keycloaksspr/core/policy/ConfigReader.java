package io.github.keycloaksspr.core.policy;

import static io.github.keycloaksspr.core.policy.SsprPolicyKeys.LIST_SEPARATOR;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from an admin-console config map: blank means absent (the fallback applies), a bad value is
 * refused with {@link InvalidPolicyException} naming the key. Multi-valued options are joined with {@code ##}.
 */
public record ConfigReader(Map<String, String> config) {

    public ConfigReader {
        config = config == null ? Map.of() : config;
    }

    public String raw(String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String text(String key, String fallback) {
        String value = raw(key);
        return value == null ? fallback : value;
    }

    public int integer(String key, int fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidPolicyException(key, "not a whole number");
        }
    }

    public boolean bool(String key, boolean fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidPolicyException(key, "must be true or false");
        };
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPolicyException(key, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public List<String> list(String key, List<String> fallback) {
        String value = raw(key);
        if (value == null) {
            return fallback;
        }
        return Arrays.stream(value.split(LIST_SEPARATOR)).map(String::trim).filter(s -> !s.isEmpty()).toList();    }
}
