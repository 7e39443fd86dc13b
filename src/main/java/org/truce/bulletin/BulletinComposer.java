package org.truce.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.figures.Flag;
import org.truce.figures.Metric;
import org.truce.figures.Place;
import org.truce.figures.Reconciled;
import org.truce.figures.Report;
import org.truce.figures.Source;
import org.truce.ledger.Checkpoint;
import org.truce.ledger.Ledger;

/**
 * Composes the bulletin of a date from the ledger alone: for each metric and place, every source's
 * figure in that source's name, citing the document that carried it and the body's words (quoted
 * only when verbatim, see {@link Citations}), and the bodies known to report on the
 * metric that published nothing. Uses only what the ledger's first N entries hold, so the same N
 * gives the same bulletin. Thread-safe.
 */
public final class BulletinComposer {
    private final FigureBook book;
    private final Ledger ledger;
    private final List<BulletinPart> parts;

    public BulletinComposer(FigureBook book, Ledger ledger) {
        this(book, ledger, List.of());
    }

    /** @param parts the sections other capabilities compose, in bulletin order after the figures */
    public BulletinComposer(FigureBook book, Ledger ledger, List<BulletinPart> parts) {
        this.book = book;
        this.ledger = ledger;
        this.parts = List.copyOf(parts);
    }

    public Bulletin compose(LocalDate asOf, long size, Messages m) {
        Checkpoint cp = ledger.checkpointAt(size);
        String root = HexFormat.of().formatHex(cp.rootHash());
        String date = m.date(asOf);
        List<Bulletin.Section> sections = new ArrayList<>();
        for (Metric metric : book.metrics(size)) {
            List<String> places = book.reportedPlaces(metric.id(), size);
            boolean any = false;
            for (String placeId : places) {
                Place place = book.place(placeId, size).orElse(null);
                if (place == null) continue;
                Reconciled rec = book.reconciled(metric.id(), placeId, asOf, size);
                if (rec.figures().isEmpty() && rec.partial().isEmpty()) continue;
                any = true;
                List<Bulletin.Line> lines = new ArrayList<>();
                for (Figure f : rec.figures()) lines.add(line(f, metric, place, m, size));
                for (Figure f : rec.partial()) lines.add(partialLine(f, place, m, size));
                sections.add(new Bulletin.Section(metric.id(), metric.name(m.lang()), placeId,
                        place.displayName(m.lang()), lines, noReport(rec.noReport(), m)));
            }
            if (!any) {
                List<Source> silent = book.sources(size).stream().filter(s -> s.reportsOn().contains(metric.id())).toList();
                sections.add(new Bulletin.Section(metric.id(), metric.name(m.lang()), null, null, List.of(),
                        silent.isEmpty() ? m.format("no_figures", Map.of()) : noReport(silent, m)));
            }
        }
        return new Bulletin(asOf, m.lang(), size, root, ledger.signedHeadAt(size),
                m.format("title", Map.of("date", date)), m.format("intro", Map.of()),
                m.format("checkpoint", Map.of("size", Long.toString(size), "root", root)),
                m.format("verify", Map.of()), sections, composeParts(asOf, size, m));
    }

    private List<Bulletin.Part> composeParts(LocalDate asOf, long size, Messages m) {
        List<Bulletin.Part> out = new ArrayList<>();
        for (BulletinPart p : parts) p.compose(asOf, size, m).ifPresent(out::add);
        return out;
    }

    private Bulletin.Line line(Figure f, Metric metric, Place place, Messages m, long size) {
        Source source = book.source(f.source(), size).orElseThrow();
        String qualifier = f.qualifier().wire();
        Map<String, Object> amountArgs = Map.of("n", f.value(), "qualifier", qualifier);
        String unitKey = "unit." + metric.unit();
        String amount = m.has(unitKey) ? m.format(unitKey, amountArgs) : f.value().toPlainString() + " " + metric.unit();
        Map<String, Object> args = new HashMap<>();
        args.put("n", f.value());
        args.put("qualifier", qualifier);
        args.put("q", m.format("q", Map.of("qualifier", qualifier)));
        args.put("amount", amount);
        args.put("place", place.displayName(m.lang()));
        args.put("metric", metric.name(m.lang()));
        String metricKey = m.has("metric." + metric.id()) ? "metric." + metric.id() : "metric.other";
        String figure = m.format(metricKey, args);
        String asOf = m.format("as_of", Map.of("approximate", Boolean.toString(f.approximate()),
                "date", m.date(f.reportedAsOf())));
        Report base = f.basis().isEmpty() ? null : f.basis().get(0).report();
        if (base != null && base.since() != null) figure = figure + " " + m.format("since", Map.of("date", m.date(base.since())));
        String text = m.format("line", Map.of("source", source.name(m.lang()), "asOf", asOf, "figure", figure,
                "place", place.displayName(m.lang())));
        List<Citation> citations = Citations.of(f.basis(), m);
        List<String> quotes = citations.stream().map(Citation::text).toList();
        List<String> notes = new ArrayList<>();
        for (Flag flag : f.flags()) notes.add(m.format("flag", Map.of("detail", flagText(flag, m))));
        List<Long> basedOn = f.basis().stream().map(Filed::seq).toList();
        return new Bulletin.Line(source.id(), source.name(m.lang()), text, quotes, notes, f.value().toPlainString(),
                qualifier, f.reportedAsOf(), basedOn, citations);
    }

    /** A source that covered only some of the place's children: said so, never summed. */
    private Bulletin.Line partialLine(Figure f, Place place, Messages m, long size) {
        Source source = book.source(f.source(), size).orElseThrow();
        String text = m.format("partial", Map.of("source", source.name(m.lang()), "place", place.displayName(m.lang())));
        return new Bulletin.Line(source.id(), source.name(m.lang()), text, List.of(), List.of(), null, null, null, List.of(), List.of());
    }

    /** The flag in this language; its dates in the language's long form, its decimals as numbers. */
    private static String flagText(Flag flag, Messages m) {
        Map<String, Object> args = new HashMap<>();
        flag.args().forEach((k, v) -> args.put(k, v instanceof LocalDate d ? m.date(d) : v));
        return m.format("flag." + flag.code(), args);
    }

    private static String noReport(List<Source> silent, Messages m) {
        if (silent.isEmpty()) return null;
        String names = silent.stream().map(s -> s.name(m.lang())).collect(Collectors.joining("; "));
        return m.format("no_report", Map.of("sources", names));
    }
}
