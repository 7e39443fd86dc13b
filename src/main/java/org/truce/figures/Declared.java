package org.truce.figures;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Declared catalog items (sources, metrics or places) by id, each with the seq that declared it and
 * any later versions (amendments), so a question about the ledger's first N entries sees only what was
 * declared within them, in the version then in force. Declarations are immutable; the map is safe for
 * one writer and many readers (a reader sees a version list the writer has finished).
 */
final class Declared<T> {
    private record Declaration<T>(T value, long seq) {}

    /** Per id, its versions in seq order; replaced whole on an amendment. */
    private final Map<String, List<Declaration<T>>> items = new ConcurrentHashMap<>();
    private final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();

    void declare(String id, T value, long seq) {
        if (items.putIfAbsent(id, List.of(new Declaration<>(value, seq))) == null) order.add(id);
    }

    /** A later version of a declared item; an amendment of nothing declared is ignored (the rules refuse it). */
    void amend(String id, T value, long seq) {
        items.computeIfPresent(id, (k, versions) -> {
            List<Declaration<T>> next = new ArrayList<>(versions);
            next.add(new Declaration<>(value, seq));
            return List.copyOf(next);
        });
    }

    Optional<T> get(String id, long size) {
        List<Declaration<T>> versions = items.get(id);
        if (versions == null) return Optional.empty();
        for (int i = versions.size() - 1; i >= 0; i--) {
            if (versions.get(i).seq() < size) return Optional.of(versions.get(i).value());
        }
        return Optional.empty();
    }

    /** How many versions of the item the whole ledger holds (1 for a declaration never amended; 0 for none). */
    int revisions(String id) {
        List<Declaration<T>> versions = items.get(id);
        return versions == null ? 0 : versions.size();
    }

    /** The item as version {@code revision} (from 1) made it, if recorded. */
    Optional<T> revision(String id, int revision) {
        List<Declaration<T>> versions = items.get(id);
        return versions == null || revision < 1 || revision > versions.size() ? Optional.empty() : Optional.of(versions.get(revision - 1).value());
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
