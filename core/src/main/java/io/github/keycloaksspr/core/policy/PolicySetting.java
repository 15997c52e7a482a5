package io.github.keycloaksspr.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import org.keycloak.provider.ProviderConfigProperty;

/**
 * One setting of the reset policy, declared once: its config key, its field in the admin console (a fixed list
 * wherever a free value could be wrong), its default, the values it accepts, and its row in the admin guide.
 *
 * @param <T> the value's type as the policy holds it
 */
public final class PolicySetting<T> {

    /** Reads the value under a key, or the fallback when it is absent. */
    interface Reader<T> {
        T read(ConfigReader config, String key, T fallback);
    }

    /** What is wrong with a value, or null when it is valid. */
    interface Rule<T> {
        String problem(T value);
    }

    private final String key;
    private final String label;
    private final String help;
    private final String consoleType;
    private final List<String> options;
    private final T defaultValue;
    private final String defaultText;
    private final Reader<T> reader;
    private final Rule<T> rule;
    private final String values;

    private PolicySetting(String key, String label, String help, String consoleType, List<String> options,
                          T defaultValue, String defaultText, Reader<T> reader, Rule<T> rule, String values) {
        this.key = key;
        this.label = label;
        this.help = help;
        this.consoleType = consoleType;
        this.options = List.copyOf(options);
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.reader = reader;
        this.rule = rule;
        this.values = values;
    }

    /** A whole number from {@code min} to {@code max}; the console offers {@code choices} (all of them when empty). */
    static PolicySetting<Integer> number(String key, String label, int defaultValue, int min, int max,
                                         List<String> choices) {
        List<String> options = choices.isEmpty()
                ? IntStream.rangeClosed(min, max).mapToObj(Integer::toString).toList() : choices;
        String values = min + "-" + max + (choices.isEmpty() ? "" : " (console: " + String.join(", ", choices) + ")");
        return new PolicySetting<>(key, label, null, ProviderConfigProperty.LIST_TYPE, options, defaultValue,
                Integer.toString(defaultValue), ConfigReader::integer,
                v -> v >= min && v <= max ? null : "must be " + min + " to " + max, values);
    }

    static PolicySetting<Boolean> flag(String key, String label, boolean defaultValue) {
        return new PolicySetting<>(key, label, null, ProviderConfigProperty.BOOLEAN_TYPE, List.of(), defaultValue,
                Boolean.toString(defaultValue), ConfigReader::bool, v -> null, "`true`, `false`");
    }

    static <E extends Enum<E>> PolicySetting<E> choice(String key, String label, Class<E> type, E defaultValue) {
        List<String> names = List.of(type.getEnumConstants()).stream().map(Enum::name).toList();
        return new PolicySetting<>(key, label, null, ProviderConfigProperty.LIST_TYPE, names, defaultValue,
                defaultValue.name(), (config, k, fallback) -> config.enumValue(k, type, fallback), v -> null,
                String.join(", ", names.stream().map(n -> "`" + n + "`").toList()));
    }

    /** A group or role path (the console's pickers), or text the rule checks; none by default. */
    static PolicySetting<String> text(String key, String label, String consoleType, List<String> options,
                                      Rule<String> rule, String values) {
        return new PolicySetting<>(key, label, null, consoleType, options, null, null, ConfigReader::text, rule,
                values);
    }

    /** Values joined by {@code ##}, each from {@code options} (any text when there are none). */
    static PolicySetting<List<String>> list(String key, String label, List<String> options, List<String> defaultValue,
                                            Rule<List<String>> rule, String values) {
        return new PolicySetting<>(key, label, null, ProviderConfigProperty.MULTIVALUED_LIST_TYPE, options,
                defaultValue, defaultValue.isEmpty() ? null : String.join(SsprPolicyKeys.LIST_SEPARATOR, defaultValue),
                ConfigReader::list, rule, values);
    }

    /** The same setting with the console's help text. */
    PolicySetting<T> help(String text) {
        return new PolicySetting<>(key, label, text, consoleType, options, defaultValue, defaultText, reader, rule,
                values);
    }

    /** The same setting with the admin guide's words on its values. */
    PolicySetting<T> values(String text) {
        return new PolicySetting<>(key, label, help, consoleType, options, defaultValue, defaultText, reader, rule,
                text);
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The value in {@code config}, or the default; a bad value is refused naming the key. */
    public T read(ConfigReader config) {
        T value = reader.read(config, key, defaultValue);
        check(value);
        return value;
    }

    /** Refuses an invalid value, naming the key. */
    public T check(T value) {
        String problem = rule.problem(value);
        if (problem != null) {
            throw new InvalidPolicyException(key, problem);
        }
        return value;
    }

    /** The admin console's field. */
    public ProviderConfigProperty consoleProperty() {
        ProviderConfigProperty property = new ProviderConfigProperty(key, label, help, consoleType, defaultText);
        if (!options.isEmpty()) {
            property.setOptions(options);
        }
        return property;
    }

    /** The setting's row in the admin guide's table: key, console label, default, values. */
    public String guideRow() {
        return "| `" + key + "` | " + label + " | " + (defaultText == null || defaultText.isEmpty() ? "–"
                : "`" + defaultText + "`") + " | " + Objects.requireNonNullElse(values, "") + " |";
    }
}
