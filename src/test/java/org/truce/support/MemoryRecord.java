package org.truce.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.truce.accords.AccordBook;
import org.truce.accords.AccordFact;
import org.truce.accords.AccordWriter;
import org.truce.bulletin.Publications;
import org.truce.cases.CaseBook;
import org.truce.cases.CaseFact;
import org.truce.cases.CaseFigures;
import org.truce.cases.CaseWriter;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.figures.DatePrecision;
import org.truce.figures.Fact;
import org.truce.figures.FactWriter;
import org.truce.figures.FigureBook;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;
import org.truce.incidents.IncidentBook;
import org.truce.incidents.IncidentCodec;
import org.truce.incidents.IncidentFact;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;
import org.truce.ledger.NodeKey;
import org.truce.places.GeometryInput;
import org.truce.places.GeometryVersion;
import org.truce.places.MapBook;
import org.truce.places.MapFact;
import org.truce.places.MapWriter;
import org.truce.record.Document;

/**
 * The record of a node without the node: a {@link Ledger} on a {@link MemoryLedgerStore} with the
 * projections a node folds from it (figures with the case counts, cases, the map, accords, incidents,
 * publications), for fast unit tests of the domain rules. What a test states the record holds is
 * appended as it stands, with no rule applied ({@code add}); the rule under test then judges a new
 * fact against it. The clock starts at {@link #START} and moves only when the test moves it.
 * Build, use, close; as thread-safe as the ledger and its projections.
 */
public final class MemoryRecord implements AutoCloseable {
    public static final Instant START = Instant.parse("2021-01-11T12:00:00Z");
    public static final String ORIGIN = "test.truce/memory";
    public static final Document DOCUMENT = new Document("Statement", "Ministry of Defence", null, null);
    /** One key for every record of the test run: generating Ed25519 keys is cheap, keeping files is not. */
    private static final NodeKey KEY = key();

    private final MutableClock clock = new MutableClock(START);
    private final MemoryLedgerStore store = new MemoryLedgerStore();
    private final FigureBook figures = new FigureBook(List.of(new CaseFigures()));
    private final CaseBook cases = new CaseBook();
    private final MapBook map = new MapBook();
    private final AccordBook accords = new AccordBook();
    private final IncidentBook incidents = new IncidentBook();
    private final Publications publications = new Publications();
    private final Ledger ledger;
    private int ids;

    public MemoryRecord() {
        this.ledger = Ledger.open(store, KEY, ORIGIN, clock, List.of(figures, cases, map, accords, incidents, publications));
    }

    private static NodeKey key() {
        try {
            var dir = Files.createTempDirectory("truce-memory-key");
            dir.toFile().deleteOnExit();
            NodeKey key = NodeKey.loadOrCreate(dir, ORIGIN);
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MutableClock clock() { return clock; }
    public MemoryLedgerStore store() { return store; }
    public Ledger ledger() { return ledger; }
    public FigureBook figures() { return figures; }
    public CaseBook cases() { return cases; }
    public MapBook map() { return map; }
    public AccordBook accords() { return accords; }
    public IncidentBook incidents() { return incidents; }
    public Publications publications() { return publications; }

    /** The day the clock shows, in UTC. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    /** A fresh UUID-shaped client id, the same sequence in every run. */
    public String nextId() {
        return String.format("00000000-0000-4000-8000-%012d", ++ids);
    }

    /** Appends one entry as it stands, in the name of {@code author}; returns its seq once the projections show it. */
    public long append(String type, String author, String clientId, JsonNode payload) {
        AppendResult result = ledger.append(List.of(new Draft(type, author, clientId, payload)));
        if (!(result instanceof AppendResult.Accepted accepted)) throw new IllegalStateException("not appended: " + result);
        return accepted.outcomes().get(0).entry().seq();
    }

    public long add(Fact f) {
        return append(f.type(), "test/recorder", f.clientId(), FactWriter.write(f));
    }

    public long add(MapFact f) {
        return append(f.type(), "test/recorder", f.clientId(), MapWriter.write(f));
    }

    public long add(AccordFact f) {
        return append(f.type(), "test/recorder", f.id(), AccordWriter.write(f));
    }

    public long add(CaseFact f) {
        return append(f.type(), "test/recorder", f.clientId(), CaseWriter.write(f));
    }

    /** An incident fact recorded by {@code author} ("organisation/account"), whose organisation the rules may ask. */
    public long add(IncidentFact f, String author) {
        return append(f.type(), author, f.clientId(), IncidentCodec.write(f));
    }

    /** Declares a source named after its id in English, part of nothing, reporting on nothing declared. */
    public Source source(String id, Role... roles) {
        return source(id, null, roles);
    }

    public Source source(String id, String partOf, Role... roles) {
        EnumSet<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        Source s = new Source(id, set, partOf, Map.of("en", id), List.of());
        add(new Fact.SourceDeclared(s));
        return s;
    }

    public Metric metric(String id, String unit, String... breakdowns) {
        Metric m = new Metric(id, unit, List.of(breakdowns), Map.of("en", id));
        add(new Fact.MetricDeclared(m));
        return m;
    }

    /** Declares a place with one common English name, its id; {@code location} may be null. */
    public Place place(String id, String kind, String parent, Place.Point location) {
        Place p = new Place(id, kind, null, parent, List.of(new PlaceName("en", id, List.of(PlaceName.COMMON))), location, List.of());
        add(new Fact.PlaceDeclared(p));
        return p;
    }

    /** Files a report as the source's own, exact, dated to the day, citing {@link #DOCUMENT}; returns its id. */
    public String report(String source, String metric, String place, ReportKind kind, String value, LocalDate asOf) {
        String id = nextId();
        add(new Fact.ReportFiled(new Report(id, metric, kind, new BigDecimal(value), Qualifier.EXACT, Map.of(), asOf,
                DatePrecision.DAY, null, place, source, "According to " + source, DOCUMENT, null)));
        return id;
    }

    /** Declares a map feature with one common English name, its id. */
    public Feature feature(String id, FeatureKind kind, String cls) {
        Feature f = new Feature(id, kind, cls, List.of(new PlaceName("en", id, List.of(PlaceName.COMMON))), null, false);
        add(new MapFact.FeatureDeclared(f));
        return f;
    }

    /** Draws a feature's main geometry (WKT, lon lat) valid from {@code from} on, reported by {@code source}. */
    public void draw(String feature, String wkt, LocalDate from, String source) {
        try {
            var geometry = new WKTReader(GeometryInput.FACTORY).read(wkt);
            add(new MapFact.GeometryRecorded(new GeometryVersion(nextId(), feature, geometry, from, null, GeometryVersion.MAIN,
                    null, null, source, DOCUMENT, List.of())));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not WKT: " + wkt, e);
        }
    }

    @Override
    public void close() {
        ledger.close();
        store.close();
    }
}
