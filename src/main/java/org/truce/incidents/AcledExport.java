package org.truce.incidents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.catalog.Catalog;
import org.truce.catalog.Place;
import org.truce.catalog.Feature;

/**
 * The incidents as an ACLED-style CSV (ACLED Codebook 2023: event_date, event_type, sub_event_type,
 * actor1, actor2, admin1, location, latitude, longitude, geo_precision, time_precision, source,
 * notes, fatalities) with one row per claim (the allegation is its body's claim, and each other
 * account its own), a {@code status} column, and a {@code row_kind} column ({@value #ALLEGATION} or
 * {@value #CLAIM}), since the actors themselves are contested: a row is one body's account, never a
 * reconciled event. A claim row carries the event type and sub-event type that claim gives, or
 * leaves them empty: it never takes the allegation's. Date and place are the incident's (the
 * allegation's). Illustrative data says so in its notes. Stateless.
 */
public final class AcledExport {
    public static final List<String> COLUMNS = List.of("event_date", "event_type", "sub_event_type", "actor1", "actor2",
            "admin1", "location", "latitude", "longitude", "geo_precision", "time_precision", "source", "notes",
            "fatalities", "status", "row_kind");
    public static final String ALLEGATION = "allegation";
    public static final String CLAIM = "claim";
    static final String ILLUSTRATIVE = "[Illustrative demo data, not a record of a real event] ";
    private final IncidentBook book;
    private final Whereabouts where;
    private final Catalog catalog;

    public AcledExport(IncidentBook book, Whereabouts where, Catalog catalog) {
        this.book = book;
        this.where = where;
        this.catalog = catalog;
    }

    public String csv(long size) {
        StringBuilder out = new StringBuilder(Csv.row(COLUMNS));
        for (Incident incident : book.incidents(size)) {
            for (Held<IncidentFact.Alleged> a : incident.allegations()) {
                IncidentFact.Alleged own = a.fact();
                out.append(Csv.row(row(incident, own, new Said(ALLEGATION, own.source(), own.eventType(), own.subEventType(),
                        own.account(), own.id()), size)));
            }
            for (Held<IncidentFact.Claimed> c : incident.claims()) {
                IncidentFact.Claimed claim = c.fact();
                IncidentFact.Alleged about = book.allegation(claim.incident(), size).orElseThrow().fact();
                out.append(Csv.row(row(incident, about, new Said(CLAIM, claim.source(), claim.eventType(), claim.subEventType(),
                        claim.account(), claim.id()), size)));
            }
        }
        return out.toString();
    }

    /** What one row's body said: the kind of entry, the body, the types it gives, its account, the entry. */
    private record Said(String kind, String source, String eventType, String subEventType, IncidentFact.Account account, String entry) {}

    private List<String> row(Incident incident, IncidentFact.Alleged a, Said said, long size) {
        var point = where.point(a, size);
        IncidentFact.Account account = said.account();
        List<String> r = new ArrayList<>();
        r.add(a.date().toString());
        r.add(said.eventType());
        r.add(said.subEventType());
        r.add(account.actor1());
        r.add(account.actor2());
        r.add(admin1(a, size));
        r.add(where.place(a, size).map(p -> p.displayName("en")).orElse(null));
        r.add(point.map(p -> BigDecimal.valueOf(p.lat()).toPlainString()).orElse(null));
        r.add(point.map(p -> BigDecimal.valueOf(p.lon()).toPlainString()).orElse(null));
        r.add(Integer.toString(a.geoPrecision().acled()));
        r.add(Integer.toString(a.timePrecision().acled()));
        r.add(catalog.source(said.source(), size).map(s -> s.name("en")).orElse(said.source()));
        r.add(notes(incident, a, account, said.entry()));
        Integer fatalities = account.casualties().fatalities();
        r.add(fatalities == null ? null : fatalities.toString());
        r.add(incident.status());
        r.add(said.kind());
        return r;
    }

    /** The first administrative unit of the map containing the incident on its date. */
    private String admin1(IncidentFact.Alleged a, long size) {
        for (Feature z : where.zones(a, size)) {
            if (z.cls().equals("administrative_unit")) {
                return new Place(z.id(), "zone", null, null, z.names(), null, List.of()).displayName("en");
            }
        }
        return null;
    }

    private static String notes(Incident incident, IncidentFact.Alleged a, IncidentFact.Account account, String entry) {
        StringBuilder n = new StringBuilder();
        if (incident.illustrative()) n.append(ILLUSTRATIVE);
        n.append(account.wording());
        Map<String, Integer> counts = a.counts();
        if (!counts.isEmpty() && entry.equals(a.id())) {
            n.append(" Counts: ").append(counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))).append('.');
        }
        n.append(" Incident ").append(incident.id()).append(", entry ").append(entry).append('.');
        return n.toString();
    }
}
