package org.truce.ingest;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.truce.figures.Recorder;
import org.truce.ledger.AppendResult;
import org.truce.ledger.EntryCodec;
import org.truce.places.MapReader;
import org.truce.places.MapRecorder;

/**
 * The demo map: {@code demo/geography.geojson} (see tools/geo/GEODATA.md), imported like any GeoJSON
 * file in the name of the source {@value #SOURCE}. Loading twice is a no-op.
 */
public final class DemoGeography {
    public static final String RESOURCE = "/demo/geography.geojson";
    public static final String SOURCE = "demo-sketch";
    private static final GeoJsonImport.Origin ORIGIN = new GeoJsonImport.Origin(SOURCE, "Truce demo dataset", "truce demo geometry");

    private DemoGeography() {}

    /** @return the number of entries newly written */
    public static int load(MapRecorder recorder, MapReader reader, String author) {
        Outcome outcome = GeoJsonImport.load(read(), ORIGIN, recorder, reader, author);
        if (outcome instanceof Outcome.Refused r) throw new IllegalStateException("demo geography breaks the rules: " + r.violations());
        AppendResult result = ((Outcome.Done) outcome).result();
        if (!(result instanceof AppendResult.Accepted a)) throw new IllegalStateException("demo geography conflicts with the ledger: " + result);
        return (int) a.outcomes().stream().filter(AppendResult.Outcome::created).count();
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
