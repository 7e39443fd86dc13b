package org.truce.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.truce.app.Truce;
import org.truce.catalog.FeatureKind;
import org.truce.store.PostgisLayers;
import org.truce.store.PostgisUrl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce map export-postgis}: rebuilds the PostGIS map layers (schema {@code truce_gis}) of a
 * database from a data directory's ledger, for QGIS. The tables are derived: this truncates and
 * refills them; the ledger stays the only source of truth.
 */
@Command(name = "export-postgis", mixinStandardHelpOptions = true,
        description = "Rebuild the PostGIS map layers (schema truce_gis: <kind>_history tables, <kind>_today views) from the ledger.")
final class MapExportPostgis implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--db", required = true, description = "The database: postgresql://[user[:password]@]host[:port]/database (PostGIS installed).")
    String db;

    @Override
    public Integer call() {
        DataSource source;
        try {
            source = PostgisUrl.dataSource(db, "--db");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, Clock.systemUTC(), bar);
             PostgisLayers layers = PostgisLayers.attach(source)) {
            Map<FeatureKind, Integer> counts = layers.rebuild(truce.ledger());
            System.out.println("Rebuilt the map layers of schema truce_gis from " + truce.ledger().size() + " ledger entries:");
            for (FeatureKind k : FeatureKind.values()) {
                System.out.println("  truce_gis." + k.wire() + "_history  " + counts.get(k) + " geometry versions (view truce_gis."
                        + k.wire() + "_today: those valid today)");
            }
        }
        return 0;
    }
}
