package org.truce.bulletin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.ledger.Ledger;
import org.truce.ledger.StoredEntry;

/**
 * What changed between two publications of one date, figure by figure (a source's line for a metric
 * and place): a figure whose earlier basis was replaced by a correction, or withdrawn by a retraction,
 * after the earlier publication's size; a figure that is new, or rests on a report filed since.
 * Compares the two bulletins as composed, and reads only entries below the later size. Thread-safe.
 */
final class ChangeList {
    private final FigureBook figures;
    private final Ledger ledger;

    ChangeList(FigureBook figures, Ledger ledger) {
        this.figures = figures;
        this.ledger = ledger;
    }

    /** The changes from {@code before} (composed at {@code beforeSize}) to {@code after}, in the bulletin's order. */
    List<Change> between(Bulletin before, long beforeSize, Bulletin after, Messages m) {
        Map<String, Bulletin.Line> old = lines(before);
        Map<String, Bulletin.Line> now = lines(after);
        Map<String, Bulletin.Section> sections = new HashMap<>();
        for (Bulletin.Section s : before.sections()) for (Bulletin.Line l : s.lines()) sections.put(key(s, l), s);
        for (Bulletin.Section s : after.sections()) for (Bulletin.Line l : s.lines()) sections.put(key(s, l), s);
        List<String> keys = new ArrayList<>(now.keySet());
        for (String k : old.keySet()) if (!now.containsKey(k)) keys.add(k);
        List<Change> out = new ArrayList<>();
        for (String k : keys) {
            Bulletin.Line o = old.get(k);
            Bulletin.Line n = now.get(k);
            change(sections.get(k), o, n, beforeSize, after.size(), m).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Change> change(Bulletin.Section s, Bulletin.Line o, Bulletin.Line n, long beforeSize, long afterSize, Messages m) {
        if (n == null || n.value() == null) {
            if (o == null || o.value() == null) return Optional.empty();
            Ended ended = ended(o, afterSize);
            long seq = ended == null ? afterSize - 1 : ended.seq;
            return Optional.of(make(Change.Kind.RETRACTED, s, o, null, seq, m));
        }
        if (o != null && o.value() != null && Objects.equals(o.basedOn(), n.basedOn())) return Optional.empty();
        Ended ended = o == null || o.value() == null ? null : ended(o, afterSize);
        if (ended != null) return Optional.of(make(ended.corrected ? Change.Kind.CORRECTED : Change.Kind.RETRACTED, s, o, n, ended.seq, m));
        long seq = n.basedOn().stream().filter(q -> q >= beforeSize).max(Long::compare).orElse(-1L);
        if (seq < 0 && o != null && Objects.equals(o.value(), n.value())) return Optional.empty();
        return Optional.of(make(Change.Kind.NEW, s, o != null && o.value() != null ? o : null, n,
                seq < 0 ? n.basedOn().stream().max(Long::compare).orElse(0L) : seq, m));
    }

    /** The first entry of {@code line}'s basis that no longer stands at {@code size}: the correction or retraction that ended it. */
    private Ended ended(Bulletin.Line line, long size) {
        Ended first = null;
        for (long seq : line.basedOn()) {
            List<StoredEntry> e = ledger.read(seq, 1);
            if (e.isEmpty()) continue;
            Optional<Filed> f = figures.report(e.get(0).clientId());
            if (f.isEmpty() || f.get().inForceAt(size) || f.get().endedAt() >= size) continue;
            boolean corrected = figures.report(f.get().endedBy()).isPresent();
            if (first == null || f.get().endedAt() < first.seq) first = new Ended(f.get().endedAt(), corrected);
        }
        return first;
    }

    private record Ended(long seq, boolean corrected) {}

    private static Change make(Change.Kind kind, Bulletin.Section s, Bulletin.Line o, Bulletin.Line n, long seq, Messages m) {
        Bulletin.Line any = n != null ? n : o;
        Map<String, Object> args = new HashMap<>();
        args.put("metric", s.metricName());
        args.put("place", s.placeName() == null ? "" : s.placeName());
        args.put("source", any.sourceName());
        args.put("before", o == null ? "none" : value(o, m));
        args.put("after", n == null ? "none" : value(n, m));
        args.put("seq", Long.toString(seq));
        String text = m.format("changes." + kind.wire(), args);
        return new Change(kind, s.metric(), s.place(), any.source(), o == null ? null : o.value(), n == null ? null : n.value(),
                seq, text);
    }

    /** The value with its qualifier, in the language's number format ("more than 11,000"). */
    private static String value(Bulletin.Line l, Messages m) {
        String number = m.number(new BigDecimal(l.value()));
        return m.format("changes.value", Map.of("qualifier", l.qualifier() == null ? "exact" : l.qualifier(), "n", number));
    }

    private static Map<String, Bulletin.Line> lines(Bulletin b) {
        Map<String, Bulletin.Line> out = new LinkedHashMap<>();
        for (Bulletin.Section s : b.sections()) for (Bulletin.Line l : s.lines()) out.put(key(s, l), l);
        return out;
    }

    private static String key(Bulletin.Section s, Bulletin.Line l) {
        return s.metric() + "\u0000" + s.place() + "\u0000" + l.source();
    }
}
