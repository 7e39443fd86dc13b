package org.truce.cli;

import org.truce.record.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.truce.app.Truce;
import org.truce.ingest.GeoJsonImport;
import org.truce.catalog.FeatureKind;
import org.truce.places.GeometryInput;
import org.truce.places.MapBook;
import org.truce.places.MapJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code truce map}: the map's questions on the command line, answered from the ledger alone as
 * GeoJSON (the same output as the API). Takes the data directory like {@code bulletin}.
 */
@Command(name = "map", mixinStandardHelpOptions = true, description = "Ask the map: layers, containing zones, features within a distance, the nearest feature.",
        subcommands = {MapCommand.Layer.class, MapCommand.Containing.class, MapCommand.Within.class, MapCommand.Nearest.class,
                MapCommand.Import.class, MapExportPostgis.class})
final class MapCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Options every question takes. */
    static final class Common {
        @Option(names = "--as-of", required = true, description = "The day the map is asked as of, YYYY-MM-DD.")
        LocalDate asOf;
        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;
    }

    interface Question {
        JsonNode ask(MapBook map, LocalDate asOf, long size);
    }

    static int answer(Common c, Question q) {
        try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(c.data, Clock.systemUTC(), bar)) {
            System.out.println(q.ask(truce.map(), c.asOf, truce.ledger().size()).toPrettyString());
        }
        return 0;
    }

    static FeatureKind kind(String s) {
        if (s == null) return null;
        return FeatureKind.parse(s).orElseThrow(() -> new IllegalArgumentException("--kind must be one of " + FeatureKind.wireNames()));
    }

    static Point point(double lon, double lat) {
        return GeometryInput.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    static ArrayNode hits(List<MapBook.Hit> hits, MapBook map, LocalDate asOf, long size) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (MapBook.Hit h : hits) out.add(MapJson.hit(h, map, asOf, size));
        return out;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a GeoJSON FeatureCollection (properties as in tools/geo/GEODATA.md), all or nothing.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--file", required = true, description = "The GeoJSON file.")
        Path file;
        @Option(names = "--source", required = true, description = "The catalog source the geometries are recorded in the name of.")
        String source;
        @Option(names = "--publisher", required = true, description = "Who published the file (the cited document's publisher).")
        String publisher;
        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() throws java.io.IOException {
            JsonNode collection = org.truce.ledger.EntryCodec.mapper().readTree(file.toFile());
            var origin = new GeoJsonImport.Origin(source, publisher, "import " + file.getFileName());
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, Clock.systemUTC(), bar)) {
                String author = "cli:" + System.getProperty("user.name", "unknown");
                var outcome = GeoJsonImport.load(collection, origin, truce.mapRecorder(), truce.mapReader(), author);
                if (outcome instanceof Outcome.Refused r) {
                    r.violations().forEach(v -> System.err.println(file + " " + v.pointer() + ": " + v.detail()));
                    return 2;
                }
                var result = ((Outcome.Done) outcome).result();
                if (result instanceof org.truce.ledger.AppendResult.Conflict c) {
                    System.err.println(file + ": id " + c.clientId() + " is already in the ledger with other content; nothing was written");
                    return 2;
                }
                long created = ((org.truce.ledger.AppendResult.Accepted) result).outcomes().stream().filter(o -> o.created()).count();
                System.out.println("Imported " + file + ": " + created + " new entries.");
            }
            return 0;
        }
    }

    @Command(name = "layer", mixinStandardHelpOptions = true, description = "One layer as a GeoJSON FeatureCollection.")
    static final class Layer implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--kind", required = true, description = "line, zone, point, hazard or cleared.")
        String kind;

        @Override
        public Integer call() {
            FeatureKind k = kind(kind);
            return answer(common, (map, asOf, size) -> MapJson.collection(map.layer(k, null, asOf, size), map, asOf, size));
        }
    }

    @Command(name = "containing", mixinStandardHelpOptions = true, description = "The zones that contain a point.")
    static final class Containing implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--lon", required = true)
        double lon;
        @Option(names = "--lat", required = true)
        double lat;

        @Override
        public Integer call() {
            return answer(common, (map, asOf, size) -> hits(map.containing(point(lon, lat), asOf, size).stream()
                    .map(d -> new MapBook.Hit(d, 0)).toList(), map, asOf, size));
        }
    }

    @Command(name = "within", mixinStandardHelpOptions = true, description = "Features within a distance (km, geodesic) of a point or of a feature.")
    static final class Within implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--km", required = true)
        double km;
        @Option(names = "--feature", description = "Measure from this feature's geometry on the day.")
        String feature;
        @Option(names = "--lon")
        Double lon;
        @Option(names = "--lat")
        Double lat;
        @Option(names = "--kind")
        String kind;
        @Option(names = "--class")
        String cls;

        @Override
        public Integer call() {
            if ((feature == null) == (lon == null || lat == null)) throw new IllegalArgumentException("give --feature, or --lon and --lat");
            return answer(common, (map, asOf, size) -> {
                Geometry from = feature != null ? map.layerOf(feature, asOf, size)
                        .orElseThrow(() -> new IllegalArgumentException("feature " + feature + " has no geometry on " + asOf)) : point(lon, lat);
                return hits(map.within(from, km, kind(kind), cls, asOf, size, feature), map, asOf, size);
            });
        }
    }

    @Command(name = "nearest", mixinStandardHelpOptions = true, description = "The nearest feature of a kind (and class) to a point.")
    static final class Nearest implements Callable<Integer> {
        @Mixin
        Common common;
        @Option(names = "--lon", required = true)
        double lon;
        @Option(names = "--lat", required = true)
        double lat;
        @Option(names = "--kind")
        String kind;
        @Option(names = "--class")
        String cls;

        @Override
        public Integer call() {
            return answer(common, (map, asOf, size) -> hits(map.nearest(point(lon, lat), kind(kind), cls, asOf, size).stream().toList(),
                    map, asOf, size));
        }
    }
}
