package org.truce.cli;

import java.io.PrintStream;
import java.util.Optional;
import javax.sql.DataSource;
import org.truce.ledger.StoreFailure;
import org.truce.store.PostgisLayers;
import org.truce.store.PostgisUrl;

/**
 * Which PostGIS map layers {@code serve} keeps current: those of {@code --postgis-layers URL} when
 * given (failing if they cannot be attached: the operator asked for them); else, on {@code --db}, those
 * of the same database when it offers PostGIS; none with {@code --no-postgis-layers} or on SQLite. When
 * the default cannot be had, the node still serves and says in one line that the layers are off and why.
 */
final class ServeLayers {
    static final String OFF = "PostGIS map layers are off: ";

    private ServeLayers() {}

    /**
     * @return the attached layers, or null for none
     * @throws IllegalArgumentException if both --postgis-layers and --no-postgis-layers are given, or an address is malformed
     * @throws StoreFailure if the layers of --postgis-layers cannot be attached
     */
    static PostgisLayers choose(String db, String postgisLayers, boolean none, PrintStream out) {
        if (none && postgisLayers != null) throw new IllegalArgumentException("give --postgis-layers or --no-postgis-layers, not both");
        if (none) return null;
        if (postgisLayers != null) return PostgisLayers.attach(PostgisUrl.dataSource(postgisLayers, "--postgis-layers"));
        if (db == null) return null;
        DataSource source;
        try {
            source = PostgisUrl.dataSource(db, "--db");
        } catch (IllegalArgumentException e) {
            out.println(OFF + e.getMessage() + " (give --postgis-layers URL, or --no-postgis-layers)");
            return null;
        }
        Optional<String> unavailable = PostgisLayers.unavailable(source);
        if (unavailable.isPresent()) {
            out.println(OFF + unavailable.get() + "; the node serves without them (--no-postgis-layers silences this line).");
            return null;
        }
        try {
            return PostgisLayers.attach(source);
        } catch (StoreFailure e) {
            out.println(OFF + e.getMessage() + "; the node serves without them (--no-postgis-layers silences this line).");
            return null;
        }
    }
}
