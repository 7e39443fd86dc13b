package org.truce.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The catalog as the ledger's first {@code size} entries declared it: the sources, metrics and places
 * every capability names by id. The port through which a capability checks and names what it cites,
 * without knowing the projection that keeps the catalog ({@code figures.FigureBook}). Answers for a
 * size never change once the ledger has that many entries; implementations are thread-safe.
 */
public interface Catalog {
    Optional<Source> source(String id, long size);

    Optional<Metric> metric(String id, long size);

    Optional<Place> place(String id, long size);

    /** Every source declared within the first {@code size} entries, in declaration order. */
    List<Source> sources(long size);

    /** Every metric declared within the first {@code size} entries, in declaration order. */
    List<Metric> metrics(long size);

    /** Every place declared within the first {@code size} entries, in declaration order. */
    List<Place> places(long size);

    /** The {@code partOf} tree of the sources as the whole ledger declares them: the one walk of it, both directions. */
    default PartOf bodies() {
        return new PartOf(id -> source(id, Long.MAX_VALUE).map(Source::partOf).orElse(null));
    }
}
