package org.truce.record;

import java.util.List;

/** The result of reading an input: the value, or every violation found. */
public sealed interface Parsed<T> {
    record Ok<T>(T value) implements Parsed<T> {}

    record Invalid<T>(List<Violation> violations) implements Parsed<T> {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    static <T> Parsed<T> of(T value, Reading reading) {
        return reading.ok() ? new Ok<>(value) : new Invalid<>(reading.violations());
    }
}
