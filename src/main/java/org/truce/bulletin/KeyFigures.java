package org.truce.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.figures.FigureBook;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;

/**
 * The key figures at the top of a bulletin, gathered from its sections: for each metric, the widest
 * place with figures (a place none of whose ancestors has a section with figures), and there each
 * body's latest figure in its own name with its date. A value Truce computed says so. Nothing is
 * added across bodies. Stateless.
 */
final class KeyFigures {
    private KeyFigures() {}

    static Bulletin.Summary of(List<Bulletin.Section> sections, FigureBook book, long size, Messages m) {
        Set<String> withFigures = new HashSet<>();
        for (Bulletin.Section s : sections) if (s.place() != null && hasValues(s)) withFigures.add(s.metric() + "\u0000" + s.place());
        List<Bulletin.KeyFigures> out = new ArrayList<>();
        for (Bulletin.Section s : sections) {
            if (s.place() == null || !hasValues(s) || underAnother(s, withFigures, book, size)) continue;
            Metric metric = book.metric(s.metric(), size).orElseThrow();
            List<Bulletin.KeyFigure> figures = new ArrayList<>();
            for (Bulletin.Line l : s.lines()) {
                if (l.value() == null) continue; // a partial rollup has no figure to give
                String amount = Attribution.amount(new BigDecimal(l.value()), l.qualifier(), metric, m);
                boolean approximate = l.approximate();
                String asOf = Attribution.asOf(l.reportedAsOf(), approximate, m);
                String text = m.format(l.derived() ? "key_figures.derived" : "key_figures.line",
                        Attribution.named(book.source(l.source(), size).orElseThrow(), m, Map.of("amount", amount, "asOf", asOf)));
                figures.add(new Bulletin.KeyFigure(l.source(), l.sourceName(), text, l.value(), l.qualifier(),
                        l.reportedAsOf(), approximate, l.derived()));
            }
            String heading = m.format("key_figures.metric", Map.of("metric", s.metricName(), "place", s.placeName()));
            out.add(new Bulletin.KeyFigures(s.metric(), s.metricName(), s.place(), s.placeName(), heading, figures));
        }
        return new Bulletin.Summary(m.format("key_figures.heading", Map.of()), m.format("key_figures.intro", Map.of()), out);
    }

    private static boolean hasValues(Bulletin.Section s) {
        return s.lines().stream().anyMatch(l -> l.value() != null);
    }

    /** Whether an ancestor of the section's place has a section with figures on the same metric. */
    private static boolean underAnother(Bulletin.Section s, Set<String> withFigures, FigureBook book, long size) {
        String parent = book.place(s.place(), size).map(Place::parent).orElse(null);
        for (int depth = 0; parent != null && depth < 32; depth++) {
            if (withFigures.contains(s.metric() + "\u0000" + parent)) return true;
            parent = book.place(parent, size).map(Place::parent).orElse(null);
        }
        return false;
    }
}
