package org.truce.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The country outlines of the region (Natural Earth, bundled as {@code /geo/region-countries.geojson}),
 * the background of the bulletin's map. They say nothing about who controls what. Loaded once;
 * immutable and thread-safe.
 */
public final class RegionOutlines {
    private static final GeometryFactory GEO = new GeometryFactory(new PrecisionModel(), 4326);
    private static final List<Geometry> OUTLINES = load();

    private RegionOutlines() {}

    public static List<Geometry> countries() {
        return OUTLINES;
    }

    private static List<Geometry> load() {
        try (InputStream in = RegionOutlines.class.getResourceAsStream("/geo/region-countries.geojson")) {
            if (in == null) throw new IllegalStateException("/geo/region-countries.geojson is missing from the classpath");
            JsonNode fc = new ObjectMapper().readTree(in);
            List<Geometry> out = new ArrayList<>();
            for (JsonNode f : fc.get("features")) {
                JsonNode g = f.get("geometry");
                String type = g.get("type").asText();
                if (type.equals("Polygon")) out.add(polygon(g.get("coordinates")));
                else if (type.equals("MultiPolygon")) for (JsonNode p : g.get("coordinates")) out.add(polygon(p));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return GEO.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] c = new Coordinate[positions.size()];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(positions.get(i).get(0).asDouble(), positions.get(i).get(1).asDouble());
        return GEO.createLinearRing(c);
    }
}
