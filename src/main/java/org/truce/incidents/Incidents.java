package org.truce.incidents;

import java.time.Clock;
import org.locationtech.jts.geom.Envelope;
import org.truce.catalog.Catalog;
import org.truce.ledger.Ledger;
import org.truce.catalog.MapFeatures;

/**
 * The incidents capability wired over one ledger: its projection, reader, recorder and the queries
 * read from them (daily counts, duplicate proposals, the ACLED export). Build once per node;
 * thread-safe.
 */
public final class Incidents {
    private final IncidentBook book;
    private final IncidentReader reader;
    private final IncidentRecorder recorder;
    private final Whereabouts where;
    private final DailyCounts counts;
    private final Duplicates duplicates;
    private final AcledExport export;

    public Incidents(IncidentBook book, Ledger ledger, Catalog catalog, MapFeatures map, Clock clock, Envelope region) {
        this.book = book;
        this.reader = new IncidentReader(region);
        this.recorder = new IncidentRecorder(ledger, book, catalog, map, clock);
        this.where = new Whereabouts(catalog, map);
        this.counts = new DailyCounts(book, where);
        this.duplicates = new Duplicates(book, where);
        this.export = new AcledExport(book, where, catalog);
    }

    public IncidentBook book() { return book; }
    public IncidentReader reader() { return reader; }
    public IncidentRecorder recorder() { return recorder; }
    public Whereabouts where() { return where; }
    public DailyCounts counts() { return counts; }
    public Duplicates duplicates() { return duplicates; }
    public AcledExport export() { return export; }
}
