package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;
import org.truce.catalog.Feature;
import org.truce.catalog.FeatureKind;

/**
 * Two nodes on one PostgreSQL database, both keeping its PostGIS layers (as {@code serve --db} does by
 * default): a rebuild never removes rows the other node wrote (it covers the whole store, and a map
 * write waits for a rebuild in progress), and rebuilds on both nodes while map entries arrive leave
 * exactly the tables a fresh rebuild writes, and nothing stale.
 */
class PostgisLayersTwoNodesTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    PostgresTestDatabase db;
    DataSource source;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void database() {
        db = PostgresTestDatabase.create();
        source = PostgisUrl.dataSource(db.url(), "--db");
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        db.close();
    }

    /** Holds this node's applier at its first entry until opened, so the node stays behind the store. */
    static final class Gate implements Ledger.Listener {
        final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public void applied(Entry entry) {
            try {
                opened.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void a_rebuild_on_a_node_behind_the_store_keeps_the_rows_the_other_node_wrote() throws Exception {
        Gate gate = new Gate();
        PostgisLayers layersA = layers();
        Truce a = node("a", gate, layersA);
        open.add(gate.opened::countDown); // closed before node a, so that its applier can finish
        PostgisLayers layersB = layers();
        Truce b = node("b", null, layersB);

        b.loadDemo();
        long size = b.ledger().size();
        Map<String, String> written = snapshot();
        assertThat(count("SELECT count(*) FROM truce_gis.zone_history")).isPositive();
        assertThat(a.ledger().size()).as("node a is held at its first entry").isZero();

        layersA.rebuild(a.ledger());
        assertThat(snapshot()).as("after a rebuild by the node that has applied nothing").isEqualTo(written);
        assertThat(count("SELECT last_seq FROM truce_gis.layers_state")).isEqualTo(size - 1);

        gate.opened.countDown();
        await(() -> a.ledger().size() == size, "node a catches up");
        assertThat(snapshot()).as("after node a applied every entry again").isEqualTo(written);
        assertThat(layersA.stale()).isFalse();
        assertThat(layersB.stale()).isFalse();
        assertThat(count("SELECT count(*) FROM truce_gis.layers_state WHERE stale")).isZero();
    }

    @Test
    void both_nodes_rebuilding_while_map_entries_arrive_leave_what_a_fresh_rebuild_writes() throws Exception {
        PostgisLayers layersA = layers();
        Truce a = node("a", null, layersA);
        PostgisLayers layersB = layers();
        Truce b = node("b", null, layersB);

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> rebuildTimes(start, layersA, a, 4)));
            work.add(pool.submit(() -> rebuildTimes(start, layersB, b, 4)));
            work.add(pool.submit(() -> {
                start.await();
                return b.loadDemo();
            }));
            start.countDown();
            for (Future<?> f : work) f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        long size = b.ledger().size();
        await(() -> a.ledger().size() == size, "node a catches up");

        assertThat(layersA.stale()).isFalse();
        assertThat(layersB.stale()).isFalse();
        assertThat(count("SELECT count(*) FROM truce_gis.layers_state WHERE stale")).isZero();
        // followed at least through the last map entry (a write moves it to its entry, a rebuild to the store's end)
        StringBuilder lastMapSeq = new StringBuilder("SELECT greatest((SELECT max(seq) FROM truce_gis.features),"
                + " (SELECT max(seq) FROM truce_gis.point_status)");
        for (FeatureKind k : FeatureKind.values()) lastMapSeq.append(", (SELECT max(seq) FROM ").append(LayerRows.history(k)).append(")");
        assertThat(count("SELECT last_seq FROM truce_gis.layers_state")).isBetween(count(lastMapSeq + ")"), size - 1);
        for (FeatureKind kind : FeatureKind.values()) {
            long versions = 0;
            for (Feature f : a.map().features(size)) if (f.kind() == kind) versions += a.map().versions(f.id(), size).size();
            assertThat(count("SELECT count(*) FROM " + LayerRows.history(kind))).as(kind.wire()).isEqualTo(versions);
        }
        Map<String, String> maintained = snapshot();
        layersB.rebuild(b.ledger());
        assertThat(snapshot()).isEqualTo(maintained);
    }

    @Test
    void a_map_write_waits_for_a_rebuild_in_progress_and_so_survives_it() throws Exception {
        PostgisLayers layers = layers();
        Truce b = node("a", null, layers);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rebuild = source.getConnection(); Statement sql = rebuild.createStatement()) {
            // what another node's rebuild does first: take the layers' lock, then empty the tables
            rebuild.setAutoCommit(false);
            sql.execute("SELECT pg_advisory_xact_lock(" + PostgisLayers.LAYERS_LOCK + ")");
            Future<Integer> demo = pool.submit(b::loadDemo);
            await(() -> waiting() > 0 || rows() > 0, "the node's first map entry waits for the lock (or, without one, is written)");
            StringBuilder tables = new StringBuilder("truce_gis.features, truce_gis.point_status");
            for (FeatureKind k : FeatureKind.values()) tables.append(", ").append(LayerRows.history(k));
            sql.execute("TRUNCATE " + tables);
            rebuild.commit();
            demo.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        long size = b.ledger().size();
        assertThat(count("SELECT count(*) FROM truce_gis.features")).isEqualTo(b.map().features(size).size());
        Map<String, String> maintained = snapshot();
        layers.rebuild(b.ledger());
        assertThat(snapshot()).isEqualTo(maintained);
        assertThat(layers.stale()).isFalse();
    }

    /** Sessions waiting for an advisory lock in this database. */
    private long waiting() {
        try {
            return count("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
                    + " WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long rows() {
        try {
            return count("SELECT count(*) FROM truce_gis.features");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object rebuildTimes(CountDownLatch start, PostgisLayers layers, Truce node, int times) throws InterruptedException {
        start.await();
        for (int i = 0; i < times; i++) layers.rebuild(node.ledger());
        return null;
    }

    private PostgisLayers layers() {
        PostgisLayers layers = PostgisLayers.attach(source);
        open.add(layers);
        return layers;
    }

    /** A node on the shared database with the layers as its last listener; every node holds node a's key. */
    private Truce node(String name, Ledger.Listener before, PostgisLayers layers) throws Exception {
        Path dir = tmp.resolve(name);
        Path first = tmp.resolve("a");
        if (!name.equals("a")) {
            Files.createDirectories(dir);
            for (String f : List.of("node-key.pk8", "node-key.pub")) Files.copy(first.resolve(f), dir.resolve(f));
        }
        List<Ledger.Listener> extra = before == null ? List.of(layers) : List.of(before, layers);
        Truce node = Truce.open(dir, db.url(), Clock.systemUTC(), Ledger.Progress.NONE, extra);
        open.add(node);
        return node;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) throw new AssertionError(what + ": not within " + DEADLINE);
            Thread.sleep(20);
        }
    }

    /** A digest of every layer table's rows, in key order. */
    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(List.of("features ORDER BY feature_id", "point_status ORDER BY seq"));
        for (FeatureKind k : FeatureKind.values()) tables.add(k.wire() + "_history ORDER BY seq");
        for (String t : tables) {
            String name = t.substring(0, t.indexOf(' '));
            out.put(name, text("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' " + t.substring(t.indexOf(' ')) + ")), '')"
                    + " FROM truce_gis." + name + " t"));
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertThat(r.next()).as(sql).isTrue();
            return r.getString(1);
        }
    }
}
