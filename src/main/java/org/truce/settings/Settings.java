package org.truce.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of every {@link Setting}, read once from the process environment ({@link #environment()})
 * or, in tests, from a map ({@link #from}); the only place Truce reads its environment. A variable
 * that is unset or blank takes its {@link Setting#defaultValue}. Immutable.
 *
 * @param given the values set (neither unset nor blank), as read
 */
public record Settings(Map<Setting, String> given) {
    private static final class Process {
        static final Settings ENVIRONMENT = from(System::getenv);
    }

    public Settings {
        EnumMap<Setting, String> copy = new EnumMap<>(Setting.class);
        given.forEach((s, v) -> {
            if (v != null && !v.isBlank()) copy.put(s, v);
        });
        given = Collections.unmodifiableMap(copy);
    }

    /** The process's settings, read from its environment the first time they are asked for. */
    public static Settings environment() {
        return Process.ENVIRONMENT;
    }

    /** The settings {@code env} gives (a variable's name to its value, or null when unset). */
    public static Settings from(Function<String, String> env) {
        EnumMap<Setting, String> read = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) read.put(s, env.apply(s.variable));
        return new Settings(read);
    }

    /** Every setting at its default. */
    public static Settings defaults() {
        return new Settings(Map.of());
    }

    /** The setting's value: as set, else its default (null when it has none). */
    public String value(Setting s) {
        return given.getOrDefault(s, s.defaultValue);
    }

    /** Whether the setting was set (not left to its default). */
    public boolean isSet(Setting s) {
        return given.containsKey(s);
    }

    /** The same settings with {@code s} set to {@code value} (null or blank: back to its default). */
    public Settings with(Setting s, String value) {
        EnumMap<Setting, String> copy = new EnumMap<>(Setting.class);
        copy.putAll(given);
        copy.put(s, value);
        return new Settings(copy);
    }

    /**
     * The settings as the parsers of the parts read them: a variable's name to its {@link #value}.
     *
     * @throws IllegalArgumentException when asked for a variable no {@link Setting} declares
     */
    public Function<String, String> byName() {
        return name -> value(Setting.named(name).orElseThrow(() -> new IllegalArgumentException(
                "no setting is named " + name + " (org.truce.settings.Setting declares every one)")));
    }
}
