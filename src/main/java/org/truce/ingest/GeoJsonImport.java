package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.truce.record.Parsed;
import org.truce.figures.Recorder;
import org.truce.record.Violation;
import org.truce.places.MapFact;
import org.truce.places.MapReader;
import org.truce.places.MapRecorder;

/**
 * Imports a GeoJSON FeatureCollection (RFC 7946) into the map: each GeoJSON feature becomes a map
 * feature declaration and one geometry version, read by the same reader and rules as the API, all or
 * nothing. Properties: {@code id, kind, class, names, place, illustrative} for the feature;
 * {@code validFrom, validTo, controlledBy, basis} for the version (see tools/geo/GEODATA.md). The
 * version's id is a name-based UUID of the feature id and the import's label, so importing the same
 * file twice is a no-op. Stateless.
 */
public final class GeoJsonImport {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What a file is in the record's terms: who reports its geometry and who published it. */
    public record Origin(String source, String publisher, String label) {}

    private GeoJsonImport() {}

    /** @return the recorder's outcome (refused with pointers into the file, or done) */
    public static Outcome load(JsonNode collection, Origin origin, MapRecorder recorder, MapReader reader, String author) {
        List<Violation> violations = new ArrayList<>();
        if (!collection.path("type").asText().equals("FeatureCollection") || !collection.path("features").isArray()) {
            return new Outcome.Refused(List.of(new Violation("/type", "must be a GeoJSON FeatureCollection")));
        }
        List<MapFact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        int i = 0;
        for (JsonNode f : collection.get("features")) {
            String at = "/features/" + i++;
            JsonNode p = f.path("properties");
            if (!p.isObject() || !p.path("id").isTextual()) {
                violations.add(new Violation(at + "/properties/id", "is required: every feature needs a neutral id"));
                continue;
            }
            add(facts, pointers, violations, reader.feature(feature(p), at + "/properties"), at);
            add(facts, pointers, violations, reader.geometry(geometry(f, p, origin), at, false), at);
        }
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        return recorder.record(facts, pointers, author);
    }

    private static ObjectNode feature(JsonNode p) {
        ObjectNode n = F.objectNode();
        for (String field : List.of("id", "kind", "class", "names", "place", "illustrative")) if (p.has(field)) n.set(field, p.get(field));
        return n;
    }

    private static ObjectNode geometry(JsonNode f, JsonNode p, Origin origin) {
        String id = p.get("id").asText();
        ObjectNode n = F.objectNode();
        n.put("id", UUID.nameUUIDFromBytes((origin.label() + " " + id).getBytes(StandardCharsets.UTF_8)).toString());
        n.put("feature", id);
        n.set("geometry", f.get("geometry"));
        for (String field : List.of("validFrom", "validTo", "controlledBy")) if (p.has(field)) n.set(field, p.get(field));
        n.put("source", origin.source());
        ObjectNode doc = n.putObject("document");
        doc.put("title", p.path("basis").asText(origin.label()));
        doc.put("publisher", p.path("illustrative").asBoolean() ? origin.publisher() + " (illustrative sketch, not authoritative)" : origin.publisher());
        return n;
    }

    private static void add(List<MapFact> facts, List<String> pointers, List<Violation> violations, Parsed<MapFact> parsed, String at) {
        if (parsed instanceof Parsed.Invalid<MapFact> bad) {
            violations.addAll(bad.violations());
            return;
        }
        facts.add(((Parsed.Ok<MapFact>) parsed).value());
        pointers.add(at);
    }
}
