package org.truce.figures;

import org.truce.catalog.Catalog;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.Source;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.record.Reading;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;

/**
 * The figures projection: the catalog, every report version and one {@link Series} per source, metric
 * and place, folded from the ledger's entries. It can always be thrown away and rebuilt by replaying
 * the ledger.
 *
 * <p>Every question names a ledger size N ("as the first N entries knew it"). When the series has not
 * changed between N and now (always so for the whole ledger) the answer comes from its present
 * {@link AsOfIndex} in O(log n) without a lock; otherwise from the series' versions. One writer (the
 * ledger's listener callback) and many concurrent readers.
 */
public final class FigureBook implements Ledger.Listener, Catalog {
    record SeriesKey(String metric, String source, String place) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Declared<Source> sources = new Declared<>();
    private final Declared<Metric> metrics = new Declared<>();
    private final Declared<Place> places = new Declared<>();
    private final Declared<org.truce.catalog.Unit> units = new Declared<>();
    /** Intake's alias table, by {@link org.truce.catalog.Alias#key}. */
    private final Declared<org.truce.catalog.Alias> aliases = new Declared<>();
    /** Intake's saved column mappings, by name, every revision kept. */
    private final Declared<SheetMapping> mappings = new Declared<>();
    private final Map<String, Filed> reports = new HashMap<>();
    /** Reports awaiting review, in filing order. */
    private final Map<String, Filed> awaiting = new java.util.LinkedHashMap<>();
    /** Every version in the order filed, which is seq order: the flat list of reports reads a prefix. */
    private final List<Filed> filedInOrder = new ArrayList<>();
    /** Concurrent, so that {@link #figure} finds a series without the lock. */
    private final Map<SeriesKey, Series> series = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Set<String>> sourcesByMetricPlace = new HashMap<>();
    private final Map<String, Set<String>> sourcesByMetric = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    /** Written last by the writer (after every series it changed), so a reader that sees N sees their state at N. */
    private volatile long applied;
    private final Map<String, String> strings = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Document, Document> documents = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<DerivedReports> derived;

    public FigureBook() {
        this(List.of());
    }

    /** @param derived readers of figures kept in other capabilities' entries (case records, say) */
    public FigureBook(List<DerivedReports> derived) {
        this.derived = List.copyOf(derived);
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    /** Reads the entry's fact; touches no state, so replay runs it on its reading thread. */
    @Override
    public Object prepare(Entry entry) {
        JsonNode p = entry.payload();
        return switch (entry.type()) {
            case Fact.SOURCE_DECLARED -> read(FactReader.readSource(p, "", new Reading(true)));
            case Fact.METRIC_DECLARED, Fact.METRIC_AMENDED -> read(FactReader.readMetric(p, "", new Reading(true)));
            case Fact.PLACE_DECLARED -> read(FactReader.readPlace(p, "", new Reading(true)));
            case Fact.UNIT_DECLARED -> read(FactReader.readUnit(p, "", new Reading(true)));
            case Fact.ALIAS_DECLARED -> read(FactReader.readAlias(p, "", new Reading(true)));
            case Fact.MAPPING_SAVED -> read(FactReader.readMapping(p, "", new Reading(true)));
            case Fact.REPORT_CONFIRMED, Fact.REPORT_REJECTED -> read(FactReader.readReview(p, "", new Reading(true)));
            case Fact.REPORT_FILED, Fact.REPORT_RETRACTED -> {
                Fact f = read(FactReader.readReport(p, "", new Reading(true)));
                yield f instanceof Fact.ReportFiled filed ? new Fact.ReportFiled(shared(filed.report())) : f;
            }
            default -> derivedFrom(entry); // other capabilities' entries
        };
    }

    private List<Fact> derivedFrom(Entry entry) {
        List<Fact> facts = null;
        for (DerivedReports d : derived) {
            for (Report r : d.reportsOf(entry)) {
                if (facts == null) facts = new ArrayList<>();
                facts.add(new Fact.ReportFiled(r));
            }
        }
        return facts;
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        lock.writeLock().lock();
        try {
            if (prepared instanceof Fact fact) apply(fact, entry);
            else if (prepared instanceof List<?> facts) for (Object f : facts) apply((Fact) f, entry);
            applied = entry.seq() + 1;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(Fact fact, Entry entry) {
        long seq = entry.seq();
        if (fact instanceof Fact.SourceDeclared s) {
            sources.declare(s.source().id(), s.source(), seq);
        } else if (fact instanceof Fact.MetricDeclared m) {
            metrics.declare(m.metric().id(), m.metric(), seq);
        } else if (fact instanceof Fact.UnitDeclared u) {
            units.declare(u.unit().id(), u.unit(), seq);
        } else if (fact instanceof Fact.MetricAmended m) {
            metrics.amend(m.metric().id(), m.metric(), seq);
        } else if (fact instanceof Fact.AliasDeclared a) {
            aliases.declare(a.alias().key(), a.alias(), seq);
        } else if (fact instanceof Fact.MappingSaved m) {
            if (m.mapping().revision() == 1) mappings.declare(m.mapping().name(), m.mapping(), seq);
            else mappings.amend(m.mapping().name(), m.mapping(), seq);
        } else if (fact instanceof Fact.PlaceDeclared pd) {
            Place pl = pd.place();
            places.declare(pl.id(), pl, seq);
            if (pl.parent() != null) children.computeIfAbsent(pl.parent(), k -> new ArrayList<>()).add(pl.id());
        } else {
            applyReport(fact, entry);
        }
    }

    private static Fact read(Parsed<Fact> parsed) {
        if (parsed instanceof Parsed.Ok<Fact> ok) return ok.value();
        throw new IllegalStateException("ledger entry does not read as a fact: " + ((Parsed.Invalid<Fact>) parsed).violations());
    }

    private void applyReport(Fact fact, Entry entry) {
        if (fact instanceof Fact.ReportRetracted r) {
            Filed old = currentOf(r.retraction().retracts());
            if (old != null) end(old, entry.seq(), r.retraction().id());
            return;
        }
        if (fact instanceof Fact.ReportReviewed r) {
            reviewed(r.decision(), entry.seq());
            return;
        }
        Report report = ((Fact.ReportFiled) fact).report();
        if (report.corrects() != null) {
            // a correction that awaits review replaces a version in force only once confirmed; one
            // that never counted (itself awaiting review) it replaces at once
            Filed old = currentOf(report.corrects());
            if (old != null && (!report.awaitsReview() || old.awaitingReview())) end(old, entry.seq(), report.id());
        }
        Filed filed = new Filed(report, entry.seq(), entry.recordedAt());
        reports.put(report.id(), filed);
        filedInOrder.add(filed);
        if (report.awaitsReview()) awaiting.put(report.id(), filed);
        else counts(filed);
    }

    /** A confirmed report counts from the confirmation on (replacing then what it corrects); a rejected one never does. */
    private void reviewed(ReviewDecision d, long seq) {
        Filed f = reports.get(d.report());
        if (f == null || !f.awaitingReview()) return; // the rules refuse these; a replay never fails on them
        if (d.verdict() == ReviewDecision.Verdict.REJECTED) {
            f.reject(seq, d.id());
            awaiting.remove(f.report().id());
            return;
        }
        if (f.report().corrects() != null) {
            Filed old = currentOf(f.report().corrects());
            if (old != null && old != f) end(old, seq, f.report().id());
        }
        f.confirm(seq, d.id());
        awaiting.remove(f.report().id());
        counts(f);
    }

    private void counts(Filed filed) {
        Report report = filed.report();
        SeriesKey key = new SeriesKey(report.metric(), report.source(), report.place());
        series.computeIfAbsent(key, k -> new Series()).add(filed);
        sourcesByMetricPlace.computeIfAbsent(report.metric() + "\u0000" + report.place(), k -> new TreeSet<>()).add(report.source());
        sourcesByMetric.computeIfAbsent(report.metric(), k -> new TreeSet<>()).add(report.source());
    }

    /**
     * The same report with its repeated parts (ids, document, attribution) replaced by one shared
     * instance each: a million reports name a few hundred sources, places and documents.
     */
    private Report shared(Report r) {
        return new Report(r.id(), share(r.metric()), r.kind(), r.value(), r.qualifier(), r.breakdown(), r.asOf(),
                r.asOfPrecision(), r.since(), share(r.place()), share(r.source()), share(r.attribution()),
                r.document() == null ? null : documents.computeIfAbsent(r.document(), d -> d), r.corrects(), r.duplicateOf(),
                r.attributionKind(), r.attributionLang() == null ? null : share(r.attributionLang()), r.review(),
                r.spokesperson() == null ? null : share(r.spokesperson()));
    }

    private String share(String s) {
        if (s == null) return null;
        return strings.computeIfAbsent(s, x -> x);
    }

    /**
     * The version now in force in the chain of corrections that starts at {@code id}, or null if the
     * chain was withdrawn. Input rules make every replacement name the current version; following
     * the chain keeps a single live version even for a ledger written without them.
     */
    private Filed currentOf(String id) {
        Filed f = reports.get(id);
        for (int hops = 0; f != null && !f.current() && hops < 1_000_000; hops++) f = reports.get(f.endedBy());
        return f != null && f.current() ? f : null;
    }

    private void end(Filed old, long seq, String by) {
        boolean counted = old.countsFrom() != Long.MAX_VALUE;
        old.end(seq, by);
        if (!counted) awaiting.remove(old.report().id());
        Report r = old.report();
        if (counted) series.get(new SeriesKey(r.metric(), r.source(), r.place())).remove(old, seq);
    }

    /** The alias of this {@link org.truce.catalog.Alias#key key}, whenever declared. */
    public Optional<org.truce.catalog.Alias> alias(String key) {
        return aliases.get(key, Long.MAX_VALUE);
    }

    /** Every alias declared within the first {@code size} entries, in declaration order. */
    public List<org.truce.catalog.Alias> aliases(long size) {
        return aliases.all(size);
    }

    /** The revision of the mapping named {@code name} in force after the first {@code size} entries. */
    public Optional<SheetMapping> mapping(String name, long size) {
        return mappings.get(name, size);
    }

    /** Every saved mapping, each in its revision in force after the first {@code size} entries, in order of first save. */
    public List<SheetMapping> mappings(long size) {
        return mappings.all(size);
    }

    /** How many revisions of the mapping the whole ledger holds (0 when none is saved). */
    public int mappingRevisions(String name) {
        return mappings.revisions(name);
    }

    /** The mapping as revision {@code revision} (from 1) saved it. */
    public Optional<SheetMapping> mappingRevision(String name, int revision) {
        return mappings.revision(name, revision);
    }

    /** A unit declared in the catalog within the first {@code size} entries (the built-in ones are not). */
    public Optional<org.truce.catalog.Unit> unit(String id, long size) {
        return units.get(id, size);
    }

    /** Every unit declared within the first {@code size} entries, in declaration order. */
    public List<org.truce.catalog.Unit> units(long size) {
        return units.all(size);
    }

    /** How many versions of the metric the record holds: 1 for a declaration never amended, 0 for none. */
    public int metricRevisions(String id) {
        return metrics.revisions(id);
    }

    /** The metric as its version {@code revision} (from 1) declared it. */
    public Optional<Metric> metricRevision(String id, int revision) {
        return metrics.revision(id, revision);
    }

    /** Reports that wait for a second account's confirmation, oldest first. */
    public List<Filed> awaitingReview() {
        lock.readLock().lock();
        try {
            return List.copyOf(awaiting.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of ledger entries folded in so far. */
    public long size() {
        lock.readLock().lock();
        try {
            return applied;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<Source> source(String id, long size) {
        return sources.get(id, size);
    }

    @Override
    public Optional<Metric> metric(String id, long size) {
        return metrics.get(id, size);
    }

    @Override
    public Optional<Place> place(String id, long size) {
        return places.get(id, size);
    }

    @Override
    public List<Source> sources(long size) {
        return sources.all(size);
    }

    @Override
    public List<Metric> metrics(long size) {
        return metrics.all(size);
    }

    @Override
    public List<Place> places(long size) {
        return places.all(size);
    }

    /** The current version of a report, its corrections and retraction applied. */
    public Optional<Filed> report(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(reports.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every report version the ledger's first {@code size} entries recorded, corrected and retracted
     * ones included, in seq order. Whether a version was still in force at {@code size} is
     * {@link Filed#inForceAt}.
     */
    public List<Filed> filed(long size) {
        lock.readLock().lock();
        try {
            long n = Math.min(size, applied);
            List<Filed> out = new ArrayList<>();
            for (Filed f : filedInOrder) {
                if (f.seq() >= n) break;
                out.add(f);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The report in force that {@code r} repeats: the same source, metric, place, as-of date, kind and
     * value, other than {@code r} itself and the report it corrects; the earliest recorded, or empty.
     */
    public Optional<Filed> repeated(Report r) {
        lock.readLock().lock();
        try {
            Series s = series.get(new SeriesKey(r.metric(), r.source(), r.place()));
            if (s == null) return Optional.empty();
            return s.currentOn(r.asOf()).stream()
                    .filter(f -> !f.report().id().equals(r.id()) && !f.report().id().equals(r.corrects()))
                    .filter(f -> Repeats.same(f.report(), r))
                    .min(Comparator.comparingLong(Filed::seq));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The reports in force now of one source, metric, place, as-of date and kind (repeats left out),
     * earliest recorded first: what a row of a spreadsheet with that key would correct.
     */
    public List<Filed> inForce(String metric, String source, String place, LocalDate asOf, ReportKind kind) {
        lock.readLock().lock();
        try {
            Series s = series.get(new SeriesKey(metric, source, place));
            if (s == null) return List.of();
            return s.currentOn(asOf).stream().filter(f -> f.report().kind() == kind)
                    .sorted(Comparator.comparingLong(Filed::seq)).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** One source's figure, rolled up from child places when the source reported on children only. */
    public Optional<Figure> figure(String metric, String source, String place, LocalDate asOf, long size) {
        // applied is read before the index: the writer publishes a series' index before it advances
        // applied, so an index valid from at most n is that series as the first n entries knew it
        long n = Math.min(size, applied);
        Series s = series.get(new SeriesKey(metric, source, place));
        AsOfIndex index = s == null ? null : s.index();
        if (index != null && index.validFrom() <= n) {
            int i = index.floor(asOf);
            if (i >= 0) return Optional.of(figure(metric, source, place, asOf, n, index.step(i), index.basis(i)));
        }
        lock.readLock().lock();
        try {
            return figureLocked(metric, source, place, asOf, Math.min(size, applied));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Deeper than any real administrative hierarchy; a guard, since parents are checked for cycles on input. */
    private static final int MAX_DEPTH = 32;

    private Optional<Figure> figureLocked(String metric, String source, String place, LocalDate asOf, long size) {
        return figureLocked(metric, source, place, asOf, size, 0);
    }

    private Optional<Figure> figureLocked(String metric, String source, String place, LocalDate asOf, long size, int depth) {
        Series s = series.get(new SeriesKey(metric, source, place));
        if (s != null) {
            AsOfIndex index = s.present();
            if (index.validFrom() <= size) {
                int i = index.floor(asOf);
                if (i >= 0) return Optional.of(figure(metric, source, place, asOf, size, index.step(i), index.basis(i)));
            } else {
                Series.Answer a = s.at(asOf, size);
                if (a != null) return Optional.of(figure(metric, source, place, asOf, size, a.step(), a.basis()));
            }
        }
        return depth >= MAX_DEPTH ? Optional.empty() : rollup(metric, source, place, asOf, size, depth);
    }

    private static Figure figure(String metric, String source, String place, LocalDate asOf, long size, Step st, List<Filed> basis) {
        return new Figure(metric, source, place, asOf, size, st.date(), st.approximate(), st.value(), st.qualifier(),
                st.breakdown(), basis, st.flags(), null, st.sameDay());
    }

    /**
     * The figure from the versions in force at {@code size}, never from the present index: the slow
     * reference that tests hold the index to. No rollup.
     */
    Optional<Figure> figureFromVersions(String metric, String source, String place, LocalDate asOf, long size) {
        lock.readLock().lock();
        try {
            long n = Math.min(size, applied);
            Series s = series.get(new SeriesKey(metric, source, place));
            Series.Answer a = s == null ? null : s.at(asOf, n);
            return a == null ? Optional.empty() : Optional.of(figure(metric, source, place, asOf, n, a.step(), a.basis()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A town lies inside some unit, so only non-town children are summed; summing both would count twice. */
    private Optional<Figure> rollup(String metric, String source, String place, LocalDate asOf, long size, int depth) {
        List<String> kids = new ArrayList<>();
        for (String child : children.getOrDefault(place, List.of())) {
            places.get(child, size).filter(p -> !"town".equals(p.kind())).ifPresent(p -> kids.add(p.id()));
        }
        if (kids.isEmpty()) return Optional.empty();
        List<Figure> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String child : kids) {
            Optional<Figure> f = figureLocked(metric, source, child, asOf, size, depth + 1);
            if (f.isPresent() && !f.get().partial()) found.add(f.get());
            else missing.add(child);
        }
        if (found.isEmpty()) return Optional.empty();
        List<String> from = found.stream().map(Figure::place).toList();
        if (!missing.isEmpty()) {
            return Optional.of(new Figure(metric, source, place, asOf, size, null, false, null, null, Map.of(),
                    List.of(), List.of(), new Figure.Rollup(from, missing), List.of()));
        }
        BigDecimal value = BigDecimal.ZERO;
        Qualifier q = Qualifier.EXACT;
        LocalDate latest = null;
        boolean approximate = false;
        List<Filed> basis = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        List<Filed> sameDay = new ArrayList<>();
        for (Figure f : found) {
            sameDay.addAll(f.sameDay());
            value = value.add(f.value());
            q = q.weakest(f.qualifier());
            latest = latest == null || f.reportedAsOf().isAfter(latest) ? f.reportedAsOf() : latest;
            approximate |= f.approximate();
            basis.addAll(f.basis());
            flags.addAll(f.flags());
        }
        return Optional.of(new Figure(metric, source, place, asOf, size, latest, approximate, value, q, Map.of(),
                basis, flags, new Figure.Rollup(from, List.of()), List.copyOf(sameDay)));
    }

    /** Every source's figure side by side, with their spread (like with like) and the known bodies that have none. */
    public Reconciled reconciled(String metric, String place, LocalDate asOf, long size) {
        lock.readLock().lock();
        try {
            long n = Math.min(size, applied);
            List<Figure> figures = new ArrayList<>();
            List<Figure> partial = new ArrayList<>();
            for (String source : candidateSources(metric, place)) {
                figureLocked(metric, source, place, asOf, n).ifPresent(f -> (f.partial() ? partial : figures).add(f));
            }
            figures.sort(Comparator.comparing(Figure::source));
            Set<String> withFigure = new LinkedHashSet<>();
            figures.forEach(f -> withFigure.add(f.source()));
            partial.forEach(f -> withFigure.add(f.source()));
            List<Source> silent = new ArrayList<>();
            for (Source s : sources.all(n)) {
                boolean known = s.reportsOn().contains(metric) || sourcesByMetric.getOrDefault(metric, Set.of()).contains(s.id());
                if (known && !withFigure.contains(s.id())) silent.add(s);
            }
            return new Reconciled(figures, Spread.of(figures), partial, silent);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Set<String> candidateSources(String metric, String place) {
        Set<String> out = new TreeSet<>(sourcesByMetricPlace.getOrDefault(metric + "\u0000" + place, Set.of()));
        if (children.containsKey(place)) out.addAll(sourcesByMetric.getOrDefault(metric, Set.of()));
        return out;
    }

    /**
     * Places for which any source filed a report on the metric within the first {@code size} entries,
     * and their ancestors (where figures may roll up, or be partial).
     */
    public List<String> reportedPlaces(String metric, long size) {
        lock.readLock().lock();
        try {
            Set<String> out = new TreeSet<>();
            for (var e : series.entrySet()) {
                if (!e.getKey().metric().equals(metric)) continue;
                if (e.getValue().versions().stream().anyMatch(f -> f.countsFrom() < size)) out.add(e.getKey().place());
            }
            for (String place : List.copyOf(out)) {
                String parent = places.get(place, size).map(Place::parent).orElse(null);
                for (int depth = 0; parent != null && depth < MAX_DEPTH && out.add(parent); depth++) {
                    parent = places.get(parent, size).map(Place::parent).orElse(null);
                }
            }
            return List.copyOf(out);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The dates each source's reports in force at {@code size} speak for, on the metric for the place
     * or any place below it (where a figure of the place may roll up from), per source id. Sorted.
     */
    public java.util.SortedMap<String, java.util.SortedSet<LocalDate>> reportDates(String metric, String place, long size) {
        lock.readLock().lock();
        try {
            Set<String> under = new java.util.HashSet<>();
            collect(place, under, 0);
            java.util.SortedMap<String, java.util.SortedSet<LocalDate>> out = new java.util.TreeMap<>();
            for (var e : series.entrySet()) {
                SeriesKey k = e.getKey();
                if (!k.metric().equals(metric) || !under.contains(k.place())) continue;
                for (Filed f : e.getValue().versions()) {
                    if (f.inForceAt(size)) out.computeIfAbsent(k.source(), s -> new TreeSet<>()).add(f.report().asOf());
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void collect(String place, Set<String> into, int depth) {
        if (depth > MAX_DEPTH || !into.add(place)) return;
        for (String child : children.getOrDefault(place, List.of())) collect(child, into, depth + 1);
    }

    /** One figure per day from {@code from} to {@code to}; a day without a figure maps to empty. */
    public List<Optional<Figure>> series(String metric, String source, String place, LocalDate from, LocalDate to, long size) {
        List<Optional<Figure>> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) out.add(figure(metric, source, place, d, size));
        return out;
    }
}
