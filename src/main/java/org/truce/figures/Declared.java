package org.truce.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declared catalog items (sources, metrics or places) by id, each with the seq that declared it, so a
 * question about the ledger's first N entries sees only what was declared within them. Declarations
 * are immutable; the map is safe for one writer and many readers.
 */
final class Declared<T> {
    private record Declaration<T>(T value, long seq) {}

    private final Map<String, Declaration<T>> items = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    void declare(String id, T value, long seq) {
        if (items.putIfAbsent(id, new Declaration<>(value, seq)) == null) order.add(id);
    }

    Optional<T> get(String id, long size) {
        Declaration<T> d = items.get(id);
        return d == null || d.seq() >= size ? Optional.empty() : Optional.of(d.value());
    }

    /** Every item declared within the first {@code size} entries, in declaration order. */
    List<T> all(long size) {
        List<T> out = new ArrayList<>();
        for (String id : order) get(id, size).ifPresent(out::add);
        return out;
    }

    Collection<String> ids() {
        return order;
    }
}
