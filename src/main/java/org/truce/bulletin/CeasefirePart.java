package org.truce.bulletin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.truce.catalog.Catalog;
import org.truce.catalog.PlaceNames;
import org.truce.incidents.DailyCounts;
import org.truce.incidents.EventTypes;
import org.truce.incidents.Held;
import org.truce.incidents.IncidentFact;
import org.truce.places.MapBook;

/**
 * The bulletin's ceasefire section (key {@value #KEY}): for the bulletin's date and each zone, the
 * incidents as alleged by each party in that party's name, the incidents confirmed in the name of
 * the body that recorded the finding (with the types that finding gives, never a party's), and the
 * nil reports (an area the map does not draw as the report names it, and the zone Truce counts it under
 * as Truce's note) — three kinds of line, never added
 * together. A day with none of them says that nothing was recorded, which is not a nil report.
 * Illustrative data is marked on every line that shows it. Texts come from the {@code ceasefire.*}
 * patterns. Thread-safe; reads only the first {@code size} entries.
 */
public final class CeasefirePart implements BulletinPart {
    public static final String KEY = "ceasefire";
    private final DailyCounts counts;
    private final Catalog catalog;
    private final MapBook map;

    public CeasefirePart(DailyCounts counts, Catalog catalog, MapBook map) {
        this.counts = counts;
        this.catalog = catalog;
        this.map = map;
    }

    @Override
    public Optional<Bulletin.Part> compose(LocalDate asOf, long size, Messages m) {
        String date = m.date(asOf);
        List<String> lines = new ArrayList<>();
        boolean illustrative = false;
        for (DailyCounts.ZoneDay day : counts.on(asOf, size)) {
            String zone = zoneName(day.zone(), size, m);
            // "zoned": whether {zone} is a zone's name or the unzoned phrase, so a language can frame only a name ("в зоне «…»")
            String zoned = Boolean.toString(day.zone() != null);
            for (DailyCounts.Tally t : day.alleged()) {
                lines.add(tally("ceasefire.alleged", t, zone, zoned, date, size, m));
                illustrative |= t.illustrative();
            }
            for (DailyCounts.Tally t : day.confirmed()) {
                lines.add(tally("ceasefire.confirmed", t, zone, zoned, date, size, m));
                illustrative |= t.illustrative();
            }
            for (Held<IncidentFact.NilReported> n : day.nil()) {
                lines.add(nil(n.fact(), zone, zoned, size, m));
                illustrative |= n.fact().illustrative();
            }
        }
        if (lines.isEmpty()) lines.add(m.format("ceasefire.none", Map.of("date", date)));
        if (illustrative) lines.add(0, m.format("ceasefire.illustrative_notice", Map.of()));
        return Optional.of(new Bulletin.Part(KEY, m.format("ceasefire.heading", Map.of()), lines));
    }

    private String tally(String key, DailyCounts.Tally t, String zone, String zoned, String date, long size, Messages m) {
        String types = t.byType().entrySet().stream()
                .map(e -> m.format("ceasefire.type_count", Map.of("type", typeName(e.getKey(), m), "n", e.getValue())))
                .collect(Collectors.joining("; "));
        Map<String, Object> args = new HashMap<>();
        SourceNames.put(args, "source", t.source(), id -> catalog.source(id, size), m);
        args.put("n", t.incidents().size());
        args.put("zone", zone);
        args.put("zoned", zoned);
        args.put("date", date);
        args.put("types", types);
        args.put("counts", countsText(t.counts(), m));
        return mark(m.format(key, args), t.illustrative(), m);
    }

    /**
     * A nil report in its body's words. Where the report names an area the map does not draw, the body's
     * sentence gives that area as reported; the zone Truce counts it under follows as a note in Truce's
     * own voice, never as the body's geography.
     */
    private String nil(IncidentFact.NilReported n, String zone, String zoned, long size, Messages m) {
        String period = n.from().equals(n.to()) ? m.format("ceasefire.period_day", Map.of("date", m.date(n.from())))
                : m.format("ceasefire.period", Map.of("from", m.date(n.from()), "to", m.date(n.to())));
        Map<String, Object> args = new HashMap<>();
        SourceNames.put(args, "source", n.source(), id -> catalog.source(id, size), m);
        args.put("zone", zone);
        args.put("zoned", zoned);
        args.put("period", period);
        if (n.resolvedByTruce()) args.put("area", n.reportedArea());
        String text = m.format(n.resolvedByTruce() ? "ceasefire.nil_reported_area" : "ceasefire.nil", args);
        return mark(text, n.illustrative(), m);
    }

    private static String countsText(Map<String, Integer> counts, Messages m) {
        if (counts.isEmpty()) return "";
        String list = counts.entrySet().stream().map(e -> m.format("ceasefire.count." + e.getKey(), Map.of("n", e.getValue())))
                .collect(Collectors.joining(", "));
        return m.format("ceasefire.counts", Map.of("list", list));
    }

    /** A sub-event type's, an event type's, or the not-stated label in the language. */
    private static String typeName(String type, Messages m) {
        String key = type.equals(DailyCounts.TYPE_NOT_STATED) ? "ceasefire.type_not_stated"
                : (EventTypes.isEventType(type) ? "ceasefire.type." : "ceasefire.sub.") + EventTypes.code(type);
        return m.has(key) ? m.format(key, Map.of()) : type;
    }

    private static String mark(String text, boolean illustrative, Messages m) {
        return illustrative ? text + " " + m.format("ceasefire.illustrative", Map.of()) : text;
    }

    /** A zone's name in the language, by the gazetteer's one rule (every side's name when they differ). */
    private String zoneName(String zone, long size, Messages m) {
        if (zone == null) return m.format("ceasefire.unzoned", Map.of());
        return map.feature(zone, size).map(f -> PlaceNames.display(f.names(), m.lang(), f.id())).orElse(zone);
    }
}
