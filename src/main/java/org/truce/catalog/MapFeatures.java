package org.truce.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The map's features as the ledger's first {@code size} entries declared and drew them: what each is,
 * what each side calls it, and which zones cover a point on a day. The port through which a
 * capability puts what it records on the map without knowing the projection that keeps the geometry
 * ({@code places.MapBook}). Answers for a size never change once the ledger has that many entries;
 * implementations are thread-safe.
 */
public interface MapFeatures {
    Optional<Feature> feature(String id, long size);

    /**
     * The zone features (of every class) whose geometry valid on {@code day} covers {@code point}, each
     * once, in the record order of their first such geometry; empty when none does.
     */
    List<Feature> zonesContaining(Place.Point point, LocalDate day, long size);
}
