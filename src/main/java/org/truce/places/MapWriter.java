package org.truce.places;

import org.truce.catalog.Feature;
import org.truce.catalog.CatalogWriter;
import org.truce.record.RecordWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes map facts as ledger payloads, the form {@link MapReader#fromLedger} reads. Stateless. */
public final class MapWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MapWriter() {}

    public static ObjectNode write(MapFact fact) {
        ObjectNode n = F.objectNode();
        if (fact instanceof MapFact.FeatureDeclared d) {
            Feature f = d.feature();
            n.put("id", f.id()).put("kind", f.kind().wire()).put("class", f.cls());
            n.set("names", CatalogWriter.placeNames(f.names()));
            nullable(n, "place", f.place());
            n.put("illustrative", f.illustrative());
        } else if (fact instanceof MapFact.GeometryRecorded g) {
            GeometryVersion v = g.version();
            n.put("id", v.id()).put("feature", v.feature());
            n.set("geometry", GeometryInput.toGeoJson(v.geometry()));
            nullable(n, "validFrom", v.validFrom() == null ? null : v.validFrom().toString());
            nullable(n, "validTo", v.validTo() == null ? null : v.validTo().toString());
            n.put("version", v.version());
            nullable(n, "party", v.party());
            nullable(n, "controlledBy", v.controlledBy());
            n.put("source", v.source());
            n.set("document", RecordWriter.document(v.document()));
            if (!v.repairs().isEmpty()) v.repairs().forEach(n.putArray("repairs")::add);
        } else {
            StatusReport s = ((MapFact.StatusReported) fact).status();
            n.put("id", s.id()).put("feature", s.feature()).put("status", s.status()).put("from", s.from().toString())
                    .put("source", s.source());
            if (s.document() != null) n.set("document", RecordWriter.document(s.document()));
        }
        return n;
    }

    private static void nullable(ObjectNode n, String field, String value) {
        if (value == null) n.putNull(field);
        else n.put(field, value);
    }
}
