package org.truce.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.LoggerFactory;
import org.truce.ledger.Entry;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;
import org.truce.ledger.StoreFailure;
import org.truce.ledger.StoredEntry;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;
import org.truce.places.MapFact;
import org.truce.places.MapReader;

/**
 * The map as PostGIS tables a GIS analyst opens in QGIS: in schema {@code truce_gis}, per kind a
 * history table {@code <kind>_history} (every geometry version, SRID 4326, GiST-indexed, with its
 * validity interval and the ledger seq it came from) and a view {@code <kind>_today} (the versions
 * valid on the database's current date); beside them {@code features}, {@code point_status} and
 * {@code layers_state}.
 *
 * <p><b>These tables are derived, never a source of truth: the ledger is.</b> They are written only
 * from ledger entries, each row keyed by the seq of its entry, so replaying entries (a node restarting,
 * the same entry applied twice) leaves identical tables, and {@link #rebuild} truncates and refills
 * them from the ledger at any time.
 *
 * <p>As a {@link Ledger.Listener}, pass it to the ledger when it opens (so the replay feeds it from
 * seq 0) and it upserts the rows of each map entry as the entry is applied, in seq order. A failed
 * write never stops the ledger: it is logged, the tables are marked stale ({@link #stale()} and
 * {@code layers_state.stale}), and the next {@link #rebuild} repairs them. Thread-safe: writes and
 * rebuilds are serialised on this object.
 *
 * <p><b>Several nodes on one database all maintain the layers.</b> Every node applies every entry, so
 * each row is written by each node, with the same content (a row depends only on the entries before
 * its seq). Each write and each rebuild is one transaction under the advisory lock {@link #LAYERS_LOCK}
 * (apart from the ledger's append lock), so they never interleave across nodes; a rebuild refills from
 * every entry the ledger's store holds once it has the lock, not only those this node has applied, so
 * it never removes a row another node wrote. No node is special: one stopping leaves the others
 * maintaining the tables.
 */
public final class PostgisLayers implements Ledger.Listener, AutoCloseable {
    private static final String MIGRATIONS = "classpath:db/postgis";
    private static final int PAGE = 1000;
    /** The advisory lock (per database) every layer write and rebuild holds, on every node; not the ledger's. */
    static final long LAYERS_LOCK = 0x7472756365_01L;
    /** How long a map entry's write waits for another node's rebuild before it gives up and marks the tables stale. */
    private static final String WRITE_LOCK_WAIT = "30s";

    private final DataSource source;
    private Map<String, Feature> features = new HashMap<>();
    private volatile boolean stale;
    private Connection connection;

    private PostgisLayers(DataSource source) {
        this.source = source;
    }

    /**
     * Brings the layer schema of the database at {@code source} up to date (creating the PostGIS
     * extension and schema {@code truce_gis} if needed; Flyway, its history table inside that schema)
     * and returns the layers, ready to be given to a ledger as a listener or to {@link #rebuild}.
     *
     * @throws StoreFailure if the database cannot be reached, PostGIS is not installed or a migration fails
     */
    public static PostgisLayers attach(DataSource source) {
        try {
            Flyway.configure(PostgisLayers.class.getClassLoader())
                    .dataSource(source)
                    .schemas(LayerRows.SCHEMA)
                    .createSchemas(true)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreFailure("could not migrate the PostGIS map layers: " + e.getMessage(), e);
        }
        return new PostgisLayers(source);
    }

    /**
     * Why the layers cannot be kept in the database at {@code source}, or empty when they can: the
     * database answers and offers the PostGIS extension (installed, or in {@code pg_available_extensions}).
     * Whether this role may create the extension is known only when {@link #attach} tries.
     */
    public static Optional<String> unavailable(DataSource source) {
        try (Connection c = source.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'");
             ResultSet r = s.executeQuery()) {
            r.next();
            if (r.getLong(1) > 0) return Optional.empty();
            return Optional.of("the PostGIS extension is not available in this PostgreSQL (none in pg_available_extensions;"
                    + " on Debian: apt-get install postgresql-15-postgis-3)");
        } catch (SQLException e) {
            return Optional.of("could not ask the database for its extensions: " + e.getMessage());
        }
    }

    /** Whether a write failed since the last rebuild: the tables may then miss entries until {@link #rebuild}. */
    public boolean stale() {
        return stale;
    }

    @Override
    public Object prepare(Entry entry) {
        return switch (entry.type()) {
            case MapFact.FEATURE, MapFact.GEOMETRY, MapFact.STATUS -> MapReader.fromLedger(entry.type(), entry.payload());
            default -> null;
        };
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public synchronized void applied(Entry entry, Object prepared) {
        if (!(prepared instanceof MapFact fact)) return;
        try {
            Connection c = connection();
            try (Statement wait = c.createStatement()) {
                wait.execute("SET LOCAL lock_timeout = '" + WRITE_LOCK_WAIT + "'");
            }
            lock(c);
            write(c, entry, fact, features);
            try (PreparedStatement s = c.prepareStatement("UPDATE " + LayerRows.SCHEMA + ".layers_state"
                    + " SET last_seq = GREATEST(COALESCE(last_seq, -1), ?)")) {
                s.setLong(1, entry.seq());
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            dropConnection();
            markStale("entry " + entry.seq() + " (" + entry.type() + ") was not written: " + e.getMessage(), e);
        }
    }

    /**
     * Truncates every layer table and refills it from every entry the ledger's store holds once the
     * layers' lock is taken (at least {@link Ledger#size()}; on a shared store also what other nodes
     * appended and this node has not applied yet), in one transaction (readers see the old tables until
     * it commits); clears the stale mark. Entries this node applies afterwards are written again, to the
     * same rows.
     *
     * @return the number of geometry versions written per kind
     * @throws StoreFailure if the database fails; the tables are then unchanged
     */
    public synchronized Map<FeatureKind, Integer> rebuild(Ledger ledger) {
        Map<String, Feature> rebuilt = new HashMap<>();
        Map<FeatureKind, Integer> counts = new EnumMap<>(FeatureKind.class);
        for (FeatureKind k : FeatureKind.values()) counts.put(k, 0);
        long size;
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            lock(c);
            size = Math.max(ledger.size(), ledger.storeSize());
            try (Statement s = c.createStatement()) {
                StringBuilder tables = new StringBuilder(LayerRows.SCHEMA + ".features, " + LayerRows.SCHEMA + ".point_status");
                for (FeatureKind k : FeatureKind.values()) tables.append(", ").append(LayerRows.history(k));
                s.execute("TRUNCATE " + tables);
            }
            for (long seq = 0; seq < size; ) {
                List<StoredEntry> page = ledger.read(seq, (int) Math.min(PAGE, size - seq));
                if (page.isEmpty()) throw new StoreFailure("the ledger returned no entry at seq " + seq + " of " + size);
                for (StoredEntry stored : page) {
                    Entry entry = EntryCodec.decode(stored.bytes());
                    Object fact = prepare(entry);
                    if (fact instanceof MapFact f) {
                        write(c, entry, f, rebuilt);
                        if (f instanceof MapFact.GeometryRecorded g) counts.merge(rebuilt.get(g.version().feature()).kind(), 1, Integer::sum);
                    }
                }
                seq += page.size();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE " + LayerRows.SCHEMA + ".layers_state"
                    + " SET ledger_origin = ?, last_seq = ?, stale = false, stale_reason = null")) {
                s.setString(1, ledger.origin());
                s.setLong(2, size - 1);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreFailure("could not rebuild the PostGIS map layers: " + e.getMessage(), e);
        }
        features = rebuilt;
        stale = false;
        return counts;
    }

    /** Takes the layers' advisory lock for the connection's transaction (released at commit or rollback). */
    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, LAYERS_LOCK);
            s.execute();
        }
    }

    private static void write(Connection c, Entry entry, MapFact fact, Map<String, Feature> known) throws SQLException {
        if (fact instanceof MapFact.FeatureDeclared d) {
            known.put(d.feature().id(), d.feature());
            LayerRows.feature(c, d.feature(), entry.seq());
        } else if (fact instanceof MapFact.GeometryRecorded g) {
            Feature f = known.get(g.version().feature());
            if (f == null) {
                throw new IllegalStateException("feature " + g.version().feature() + " was declared before these layers were"
                        + " attached; attach them before the ledger opens, or rebuild");
            }
            LayerRows.geometry(c, g.version(), f, entry.seq(), entry.recordedAt());
        } else {
            MapFact.StatusReported s = (MapFact.StatusReported) fact;
            LayerRows.status(c, s.status(), entry.seq(), entry.recordedAt());
        }
    }

    /** The listener's own connection, kept between entries (opening one per entry costs more than the write). */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = source.getConnection();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void dropConnection() {
        if (connection == null) return;
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken; a new one is opened for the next entry
        }
        connection = null;
    }

    /** Closes the listener's connection (the tables stay); the next entry opens a new one. */
    @Override
    public synchronized void close() {
        dropConnection();
    }

    private void markStale(String reason, Exception cause) {
        stale = true;
        LoggerFactory.getLogger(PostgisLayers.class).error("PostGIS map layers are stale until rebuilt: {}", reason, cause);
        try (Connection c = source.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE " + LayerRows.SCHEMA + ".layers_state SET stale = true, stale_reason = ?")) {
            s.setString(1, reason);
            s.executeUpdate();
        } catch (SQLException e) {
            // the database is unreachable: stale() says so, and the next rebuild repairs the tables
        }
    }
}
