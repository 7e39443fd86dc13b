package org.truce.bulletin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft bulletin of a date set beside the publication it would follow, line by line: each
 * source's line for a metric and place, as the earlier publication showed it and as the draft shows it,
 * with the {@link Change} that tells them apart (null when the line is the same). The earlier
 * publication is the date's latest; for a date never published, the newest publication of any date,
 * composed for this date at its checkpoint (what the record said then); null when nothing was ever
 * published. Immutable.
 *
 * @param sameDate whether {@code base} is a publication of this very date (a republication would follow it)
 */
public record DraftComparison(Issue draft, Publication base, boolean sameDate, int baseNumber, List<Row> rows, List<Change> changes) {
    /** One source's line: its text in the earlier publication and in the draft (null where absent), and what changed. */
    public record Row(String metricName, String placeName, String sourceName, String before, String after, Change change) {
        public boolean changed() {
            return change != null;
        }
    }

    public DraftComparison {
        rows = List.copyOf(rows);
        changes = List.copyOf(changes);
    }

    /** The rows of {@code after} (the draft) against {@code before} (null: no earlier publication), the draft's order first. */
    static List<Row> rows(Bulletin before, Bulletin after, List<Change> changes) {
        Map<String, Change> byKey = new HashMap<>();
        for (Change c : changes) byKey.put(key(c.metric(), c.place(), c.source()), c);
        Map<String, Bulletin.Line> old = new LinkedHashMap<>();
        Map<String, Bulletin.Section> oldSections = new HashMap<>();
        if (before != null) {
            for (Bulletin.Section s : before.sections()) {
                for (Bulletin.Line l : s.lines()) {
                    old.put(key(s.metric(), s.place(), l.source()), l);
                    oldSections.put(key(s.metric(), s.place(), l.source()), s);
                }
            }
        }
        List<Row> out = new ArrayList<>();
        for (Bulletin.Section s : after.sections()) {
            for (Bulletin.Line l : s.lines()) {
                String k = key(s.metric(), s.place(), l.source());
                Bulletin.Line o = old.remove(k);
                out.add(new Row(s.metricName(), s.placeName(), l.sourceName(), o == null ? null : o.text(), l.text(), byKey.get(k)));
            }
        }
        old.forEach((k, o) -> {
            Bulletin.Section s = oldSections.get(k);
            out.add(new Row(s.metricName(), s.placeName(), o.sourceName(), o.text(), null, byKey.get(k)));
        });
        return out;
    }

    private static String key(String metric, String place, String source) {
        return metric + "\u0000" + place + "\u0000" + source;
    }
}
