package org.truce.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.truce.figures.Parsed;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;
import org.truce.places.MapFact;
import org.truce.places.MapReader;
import org.truce.places.MapRecorder;

/**
 * The demo map: {@code demo/geography.geojson}, one GeoJSON feature per map feature (see
 * tools/geo/GEODATA.md), recorded through the same reader and rules as the API: a feature
 * declaration and one geometry version each, in the name of the source {@value #SOURCE}. Geometry
 * entry ids are name-based UUIDs of the feature ids, so loading twice is a no-op.
 */
public final class DemoGeography {
    public static final String RESOURCE = "/demo/geography.geojson";
    public static final String SOURCE = "demo-sketch";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DemoGeography() {}

    /** @return the number of entries newly written */
    public static int load(MapRecorder recorder, MapReader reader, String author) {
        JsonNode collection = read();
        List<MapFact> facts = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        int i = 0;
        for (JsonNode f : collection.get("features")) {
            String at = "/features/" + i++;
            JsonNode p = f.get("properties");
            add(facts, pointers, reader.feature(feature(p), at), at);
            add(facts, pointers, reader.geometry(geometry(f, p), at, false), at);
        }
        Recorder.Outcome outcome = recorder.record(facts, pointers, author);
        if (outcome instanceof Recorder.Outcome.Refused r) throw new IllegalStateException("demo geography breaks the rules: " + r.violations());
        AppendResult result = ((Recorder.Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) throw new IllegalStateException("demo geography conflicts with the ledger: " + result);
        return (int) a.outcomes().stream().filter(AppendResult.Outcome::created).count();
    }

    private static ObjectNode feature(JsonNode p) {
        ObjectNode n = F.objectNode();
        for (String field : List.of("id", "kind", "class", "names", "place", "illustrative")) n.set(field, p.get(field));
        return n;
    }

    private static ObjectNode geometry(JsonNode f, JsonNode p) {
        String id = p.get("id").asText();
        boolean illustrative = p.get("illustrative").asBoolean();
        ObjectNode n = F.objectNode();
        n.put("id", UUID.nameUUIDFromBytes(("truce demo geometry " + id).getBytes(StandardCharsets.UTF_8)).toString());
        n.put("feature", id);
        n.set("geometry", f.get("geometry"));
        n.set("validFrom", p.get("validFrom"));
        n.set("validTo", p.get("validTo"));
        n.set("controlledBy", p.get("controlledBy"));
        n.put("source", SOURCE);
        ObjectNode doc = n.putObject("document");
        doc.put("title", p.get("basis").asText());
        doc.put("publisher", illustrative ? "Truce demo dataset (illustrative sketch, not authoritative)" : "Wikipedia (published coordinates)");
        return n;
    }

    private static void add(List<MapFact> facts, List<String> pointers, Parsed<MapFact> parsed, String at) {
        if (parsed instanceof Parsed.Invalid<MapFact> bad) throw new IllegalStateException("demo geography is invalid at " + at + ": " + bad.violations());
        facts.add(((Parsed.Ok<MapFact>) parsed).value());
        pointers.add(at);
    }

    private static JsonNode read() {
        try (InputStream in = DemoGeography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            return EntryCodec.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
