package org.truce.incidents;

import org.truce.record.RecordReader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/**
 * Reads allegations and claims from request bodies and from ledger entries, naming every problem by
 * its JSON pointer. Incidents are public claims: a {@code personal} field is refused, names of
 * persons belong to case records. Stateless; one instance per region.
 */
public final class IncidentReader {
    static final int MAX_COUNT = 1_000_000;
    private static final Set<String> ALLEGATION = Set.of("id", "source", "document", "illustrative", "date", "time",
            "timePrecision", "place", "location", "geoPrecision", "eventType", "subEventType", "counts", "actor1", "actor2",
            "account", "casualties");
    private static final Set<String> CLAIM = Set.of("id", "incident", "source", "document", "eventType", "subEventType",
            "actor1", "actor2", "account", "casualties");
    private static final Set<String> LOCATION = Set.of("lon", "lat");
    private static final Set<String> CASUALTIES = Set.of("killed", "wounded");
    private static final Set<String> SIDES = Set.of("military", "civilian");
    private final Envelope region;

    /** @param region where every coordinate must fall; null when reading the ledger's own entries */
    public IncidentReader(Envelope region) {
        this.region = region;
    }

    public Parsed<IncidentFact> allegation(JsonNode node, String at) {
        return allegation(new Reading(), node, at);
    }

    Parsed<IncidentFact> allegation(Reading r, JsonNode node, String at) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        fields(r, node, at, ALLEGATION);
        String id = r.uuid(node, "id", at, true);
        String source = r.id(node, "source", at, true);
        Document document = RecordReader.document(r, node.get("document"), at + "/document");
        boolean illustrative = flag(r, node, "illustrative", at);
        LocalDate date = r.date(node, "date", at, true);
        TimePrecision tp = choice(r, node, "timePrecision", at, TimePrecision::parse, "exact, day, week or month");
        OffsetTime time = time(r, node, at);
        if (tp == TimePrecision.EXACT && time == null && node.hasNonNull("timePrecision") && !node.hasNonNull("time")) {
            r.fail(at + "/time", "is required when timePrecision is exact");
        }
        if (tp != null && tp != TimePrecision.EXACT && time != null) r.fail(at + "/time", "is given only when timePrecision is exact");
        String place = r.id(node, "place", at, false);
        IncidentFact.Location location = location(r, node.get("location"), at + "/location");
        if (place == null && location == null && !node.hasNonNull("location")) {
            r.fail(at + "/location", "is required unless a place is named");
        }
        GeoPrecision gp = choice(r, node, "geoPrecision", at, GeoPrecision::parse, "exact, near or district");
        String[] types = types(r, node, at, true);
        Map<String, Integer> counts = counts(r, node.get("counts"), at + "/counts");
        IncidentFact.Account account = account(r, node, at);
        return Parsed.of(new IncidentFact.Alleged(id, source, document, illustrative, date, time, tp, place, location, gp,
                types[0], types[1], counts, account), r);
    }

    public Parsed<IncidentFact> claim(JsonNode node, String at) {
        return claim(new Reading(), node, at);
    }

    Parsed<IncidentFact> claim(Reading r, JsonNode node, String at) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        fields(r, node, at, CLAIM);
        String id = r.uuid(node, "id", at, true);
        String incident = r.uuid(node, "incident", at, true);
        String source = r.id(node, "source", at, true);
        Document document = RecordReader.document(r, node.get("document"), at + "/document");
        String[] types = types(r, node, at, false);
        return Parsed.of(new IncidentFact.Claimed(id, incident, source, document, types[0], types[1], account(r, node, at)), r);
    }

    /**
     * An ACLED event type and sub-event type, {eventType, subEventType}. When not required, either may
     * be absent, but a sub-event type needs its event type.
     */
    static String[] types(Reading r, JsonNode node, String at, boolean required) {
        String eventType = r.text(node, "eventType", at, required);
        String subEventType = r.text(node, "subEventType", at, required);
        if (eventType != null && !EventTypes.isEventType(eventType)) {
            r.fail(at + "/eventType", "must be an ACLED event type: " + String.join(", ", EventTypes.ACLED.keySet()));
        } else if (eventType != null && subEventType != null && !EventTypes.belongs(eventType, subEventType)) {
            r.fail(at + "/subEventType", "must be a sub-event type of " + eventType + ": " + String.join(", ", EventTypes.ACLED.get(eventType)));
        } else if (!required && eventType == null && subEventType != null && !node.hasNonNull("eventType")) {
            r.fail(at + "/eventType", "is required with a subEventType");
        }
        return new String[] {eventType, subEventType};
    }

    /**
     * Unknown fields are refused; a personal field with the reason it does not belong here. The
     * ledger's own entries are not checked again ({@link Reading#onlyFields}): they also hold what the
     * write path adds, a body's signature or the transcription mark.
     */
    static void fields(Reading r, JsonNode node, String at, Set<String> allowed) {
        if (node.has("personal")) {
            r.fail(at + "/personal", "incidents are public claims and carry no personal data; names of persons belong to case records");
        }
        Set<String> named = new java.util.HashSet<>(allowed);
        named.add("personal");
        r.onlyFields(node, at, named);
    }

    private static IncidentFact.Account account(Reading r, JsonNode node, String at) {
        String actor1 = r.text(node, "actor1", at, false);
        String actor2 = r.text(node, "actor2", at, false);
        String wording = r.text(node, "account", at, true);
        return new IncidentFact.Account(actor1, actor2, wording, casualties(r, node.get("casualties"), at + "/casualties"));
    }

    private static IncidentFact.Casualties casualties(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return IncidentFact.Casualties.NONE_STATED;
        if (!r.isObject(node, at)) return IncidentFact.Casualties.NONE_STATED;
        r.onlyFields(node, at, CASUALTIES);
        Integer[] killed = sides(r, node.get("killed"), at + "/killed");
        Integer[] wounded = sides(r, node.get("wounded"), at + "/wounded");
        return new IncidentFact.Casualties(killed[0], killed[1], wounded[0], wounded[1]);
    }

    private static Integer[] sides(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull() || !r.isObject(node, at)) return new Integer[] {null, null};
        r.onlyFields(node, at, SIDES);
        return new Integer[] {count(r, node.get("military"), at + "/military"), count(r, node.get("civilian"), at + "/civilian")};
    }

    /** Monitoring counts by type; unknown types are refused. */
    static Map<String, Integer> counts(Reading r, JsonNode node, String at) {
        Map<String, Integer> out = new TreeMap<>();
        if (node == null || node.isNull()) return out;
        if (!r.isObject(node, at)) return out;
        for (var e : node.properties()) {
            String p = at + "/" + Reading.escape(e.getKey());
            if (!EventTypes.COUNTS.contains(e.getKey())) r.fail(p, "is not a monitoring count; counts are " + String.join(", ", EventTypes.COUNTS));
            Integer n = count(r, e.getValue(), p);
            if (n != null && EventTypes.COUNTS.contains(e.getKey())) out.put(e.getKey(), n);
        }
        return out;
    }

    static Integer count(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return null;
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > MAX_COUNT) {
            r.fail(at, "must be a whole number from 0 to " + MAX_COUNT);
            return null;
        }
        return node.asInt();
    }

    static boolean flag(Reading r, JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return false;
        if (!v.isBoolean()) r.fail(at + "/" + field, "must be true or false");
        return v.asBoolean(false);
    }

    interface Parser<E> {
        java.util.Optional<E> parse(String s);
    }

    static <E> E choice(Reading r, JsonNode node, String field, String at, Parser<E> parser, String allowed) {
        String s = r.text(node, field, at, true);
        if (s == null) return null;
        var v = parser.parse(s);
        if (v.isEmpty()) r.fail(at + "/" + field, "must be " + allowed);
        return v.orElse(null);
    }

    private static OffsetTime time(Reading r, JsonNode node, String at) {
        String s = r.text(node, "time", at, false);
        if (s == null) return null;
        try {
            return OffsetTime.parse(s);
        } catch (DateTimeParseException e) {
            r.fail(at + "/time", "must be a local time with its UTC offset, such as 21:40+04:00");
            return null;
        }
    }

    private IncidentFact.Location location(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return null;
        if (!r.isObject(node, at)) return null;
        r.onlyFields(node, at, LOCATION);
        var lon = r.decimal(node.get("lon"), at + "/lon", true);
        var lat = r.decimal(node.get("lat"), at + "/lat", true);
        if (lon == null || lat == null) return null;
        double x = lon.doubleValue();
        double y = lat.doubleValue();
        if (region != null && !region.contains(x, y)) {
            r.fail(at, "lies outside the region the record covers (lon " + region.getMinX() + " to " + region.getMaxX()
                    + ", lat " + region.getMinY() + " to " + region.getMaxY() + ")");
            return null;
        }
        return new IncidentFact.Location(x, y);
    }
}
