package org.truce.incidents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.catalog.Feature;

/**
 * The ceasefire on one day, per zone: incidents as alleged by each party (in that party's name),
 * incidents confirmed by a finding (in the finding body's name), and nil reports. The two tallies
 * are kept apart and never added together; a zone with neither tally nor nil report had no report
 * at all. Only incidents whose day is known (exact or day precision) count on a day. Stateless.
 */
public final class DailyCounts {
    /** The type key of confirmed incidents whose finding gives no type. */
    public static final String TYPE_NOT_STATED = "type not stated in the finding";
    private final IncidentBook book;
    private final Whereabouts where;

    public DailyCounts(IncidentBook book, Whereabouts where) {
        this.book = book;
        this.where = where;
    }

    /**
     * One body's tally: incidents, incidents per ACLED sub-event type (for findings: the type the
     * finding gives, which may be an event type or {@link #TYPE_NOT_STATED}), and the monitoring counts it
     * gives. Mutable while counting, then handed out.
     */
    public static final class Tally {
        private final String source;
        private final List<String> incidents = new ArrayList<>();
        private final Map<String, Integer> byType = new TreeMap<>();
        private final Map<String, Integer> counts = new TreeMap<>();
        private boolean illustrative;

        Tally(String source) {
            this.source = source;
        }

        void add(String incident, String subEventType, Map<String, Integer> more, boolean illustrative) {
            incidents.add(incident);
            byType.merge(subEventType, 1, Integer::sum);
            more.forEach((k, n) -> counts.merge(k, n, Integer::sum));
            this.illustrative |= illustrative;
        }

        public String source() { return source; }
        public List<String> incidents() { return List.copyOf(incidents); }
        public Map<String, Integer> byType() { return java.util.Collections.unmodifiableMap(byType); }
        public Map<String, Integer> counts() { return java.util.Collections.unmodifiableMap(counts); }
        public boolean illustrative() { return illustrative; }
    }

    /** One zone's day; {@code zone} null for incidents outside every zone of the map. */
    public record ZoneDay(String zone, List<Tally> alleged, List<Tally> confirmed, List<Held<IncidentFact.NilReported>> nil) {}

    private static final class Building {
        final Map<String, Tally> alleged = new TreeMap<>();
        final Map<String, Tally> confirmed = new TreeMap<>();
        final List<Held<IncidentFact.NilReported>> nil = new ArrayList<>();
    }

    public List<ZoneDay> on(LocalDate date, long size) {
        Map<String, Building> zones = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Incident incident : book.incidents(size)) {
            IncidentFact.Alleged root = incident.allegation().fact();
            if (!root.timePrecision().knowsDay() || !root.date().equals(date)) continue;
            List<String> ids = new ArrayList<>();
            for (Feature z : where.zones(root, size)) ids.add(z.id());
            if (ids.isEmpty()) ids.add(null);
            for (String zone : ids) count(incident, zones.computeIfAbsent(zone, z -> new Building()));
        }
        for (Held<IncidentFact.NilReported> n : book.nilReports(size)) {
            if (n.fact().duplicateOf() != null) continue; // a knowing repeat is kept in the record, never counted again
            if (n.fact().from().isAfter(date) || n.fact().to().isBefore(date)) continue;
            zones.computeIfAbsent(n.fact().zone(), z -> new Building()).nil.add(n);
        }
        List<ZoneDay> out = new ArrayList<>();
        zones.forEach((zone, b) -> out.add(new ZoneDay(zone, List.copyOf(b.alleged.values()), List.copyOf(b.confirmed.values()), List.copyOf(b.nil))));
        return out;
    }

    /** Each alleging body counts the incident once, with its own allegation's type and counts. */
    private static void count(Incident incident, Building b) {
        Map<String, IncidentFact.Alleged> bySource = new LinkedHashMap<>();
        for (Held<IncidentFact.Alleged> a : incident.allegations()) bySource.putIfAbsent(a.fact().source(), a.fact());
        bySource.forEach((source, a) -> b.alleged.computeIfAbsent(source, Tally::new)
                .add(incident.id(), a.subEventType(), a.counts(), incident.illustrative()));
        if (!"confirmed".equals(incident.status())) return;
        IncidentFact.StepRecorded finding = incident.finding().orElseThrow().fact();
        b.confirmed.computeIfAbsent(finding.source(), Tally::new)
                .add(incident.id(), confirmedType(finding), finding.counts(), incident.illustrative());
    }

    /**
     * A confirmed incident is counted under the type its finding gives (the sub-event type, else the
     * event type), or under {@link #TYPE_NOT_STATED}: a finding never adopts an alleging party's type.
     */
    static String confirmedType(IncidentFact.StepRecorded finding) {
        if (finding.subEventType() != null) return finding.subEventType();
        return finding.eventType() != null ? finding.eventType() : TYPE_NOT_STATED;
    }
}
