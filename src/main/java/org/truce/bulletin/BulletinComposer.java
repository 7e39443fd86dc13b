package org.truce.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.figures.Flag;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.figures.Reconciled;
import org.truce.figures.Report;
import org.truce.catalog.Source;
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

    public Bulletin compose(LocalDate asOf, long size, Messages texts) {
        Messages m = texts.withUnits(book.units(size));
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
                sections.add(new Bulletin.Section(metric.id(), m.heading(metric.name(m.lang())), placeId,
                        place.displayName(m.lang()), lines, noReport(rec.noReport(), m)));
            }
            if (!any) {
                List<Source> silent = book.sources(size).stream().filter(s -> s.reportsOn().contains(metric.id())).toList();
                sections.add(new Bulletin.Section(metric.id(), m.heading(metric.name(m.lang())), null, null, List.of(),
                        silent.isEmpty() ? m.format("no_figures", Map.of()) : noReport(silent, m)));
            }
        }
        return new Bulletin(asOf, m.lang(), size, root, ledger.signedHeadAt(size),
                m.format("title", Map.of("date", date)), m.format("intro", Map.of()),
                m.format("checkpoint", Map.of("size", Long.toString(size), "root", root)),
                m.format("verify", Map.of()), sections, composeParts(asOf, size, m), KeyFigures.of(sections, book, size, m));
    }

    private List<Bulletin.Part> composeParts(LocalDate asOf, long size, Messages m) {
        List<Bulletin.Part> out = new ArrayList<>();
        for (BulletinPart p : parts) p.compose(asOf, size, m).ifPresent(out::add);
        return out;
    }

    private Bulletin.Line line(Figure f, Metric metric, Place place, Messages m, long size) {
        Source source = book.source(f.source(), size).orElseThrow();
        String text = Attribution.text(f, source, metric, place,
                id -> book.place(id, size).map(p -> p.displayName(m.lang())).orElse(id), m);
        List<Filed> cited = f.cited();
        List<Citation> citations = Citations.of(cited, m);
        List<String> quotes = citations.stream().map(Citation::text).distinct().toList();
        List<String> notes = new ArrayList<>();
        for (Flag flag : f.flags()) notes.add(m.format("flag", Map.of("detail", flagText(flag, m))));
        notes.addAll(signatures(cited, source, m));
        List<Long> basedOn = f.basis().stream().map(Filed::seq).toList();
        return new Bulletin.Line(source.id(), source.name(m.lang()), text, quotes, notes, f.value().toPlainString(),
                f.qualifier().wire(), f.reportedAsOf(), basedOn, f.derived(), f.approximate(), Attribution.reported(f.basis()),
                Attribution.reported(f.sameDay()), citations);
    }

    /**
     * Who stands behind the reports of a line, when its body signs: signed by the body, transcribed by
     * another organisation, or a signature that fails; one note each, naming the entries. Reports of
     * bodies without a key say nothing, so bulletins of a record where no body signs read as before.
     */
    private List<String> signatures(List<Filed> reports, Source source, Messages m) {
        List<String> notes = new ArrayList<>();
        ledger.bodyKeys().attestations(reports.stream().map(Filed::seq).toList()).forEach((a, seqs) -> {
            Map<String, Object> args = new HashMap<>();
            SourceNames.put(args, "source", source, m);
            args.put("entries", String.join(", ", seqs.stream().map(String::valueOf).toList()));
            notes.add(m.format("signature." + a.wire(), args));
        });
        return notes;
    }

    /** A source that covered only some of the place's children: said so, never summed. */
    private Bulletin.Line partialLine(Figure f, Place place, Messages m, long size) {
        Source source = book.source(f.source(), size).orElseThrow();
        Map<String, Object> args = new HashMap<>(Map.of("place", place.displayName(m.lang())));
        SourceNames.put(args, "source", source, m);
        String text = m.format("partial", args);
        return new Bulletin.Line(source.id(), source.name(m.lang()), text, List.of(), List.of(), null, null, null, List.of(),
                false, false, List.of(), List.of(), List.of());
    }

    /** The flag in this language; its dates in the language's long form, its decimals as numbers. */
    private static String flagText(Flag flag, Messages m) {
        Map<String, Object> args = new HashMap<>();
        flag.args().forEach((k, v) -> args.put(k, v instanceof LocalDate d ? m.date(d) : v));
        return m.format("flag." + flag.code(), args);
    }

    private static String noReport(List<Source> silent, Messages m) {
        if (silent.isEmpty()) return null;
        Map<String, Object> args = new HashMap<>();
        SourceNames.putList(args, "sources", silent, m);
        return m.format("no_report", args);
    }
}
