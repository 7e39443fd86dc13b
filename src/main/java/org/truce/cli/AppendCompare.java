package org.truce.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.figures.FactWriter;
import org.truce.figures.Report;
import org.truce.ingest.SyntheticData;

/**
 * Durable append, one report at a time from 1 and from 16 client threads: Truce's ledger (its single
 * writer commits whatever is waiting in one SQLite transaction, WAL, synchronous=FULL) against one
 * transaction per row on SQLite (WAL, synchronous=FULL) and on PostgreSQL (synchronous_commit on).
 * Every system stores the same report: its series, date, kind, value and canonical JSON.
 */
final class AppendCompare {
    /** A connection source for one client thread; each client has its own connection. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private static final String TABLE = "CREATE TABLE appends (id TEXT PRIMARY KEY, series TEXT NOT NULL, as_of TEXT NOT NULL, "
            + "kind TEXT NOT NULL, value NUMERIC NOT NULL, payload TEXT NOT NULL)";
    private static final String INSERT = "INSERT INTO appends (id, series, as_of, kind, value, payload) VALUES (?, ?, ?, ?, ?, ?)";

    private final CompareOptions options;
    private final SyntheticData data = new SyntheticData(11);

    AppendCompare(CompareOptions options) {
        this.options = options;
    }

    void run(Path dir, Connector postgres, CompareTable table) throws Exception {
        Path sqliteFile = dir.resolve("append.sqlite");
        Connector sqlite = () -> {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=60000");
            }
            return c;
        };
        try (Connection c = sqlite.open(); Statement s = c.createStatement()) {
            s.execute(TABLE);
        }
        if (postgres != null) {
            try (Connection c = postgres.open(); Statement s = c.createStatement()) {
                s.execute(TABLE);
            }
        }
        try (Truce truce = Truce.open(dir.resolve("append-node"), Clock.systemUTC())) {
            DemoCommand.check(truce.recorder().record(data.catalog(), pointers(data.catalog().size()), "bench"));
            for (int clients : new int[] {1, 16}) {
                int n = clients == 1 ? options.appendsOne() : options.appendsMany();
                double[] t = new double[options.iterations()], l = new double[options.iterations()], p = new double[options.iterations()];
                for (int i = -options.warmUps(); i < options.iterations(); i++) {
                    double tr = rate(clients, n, f -> DemoCommand.check(truce.recorder().record(f, "bench")), null);
                    double lr = rate(clients, n, null, sqlite);
                    double pr = postgres == null ? Double.NaN : rate(clients, n, null, postgres);
                    if (i >= 0) {
                        t[i] = tr;
                        l[i] = lr;
                        p[i] = pr;
                    }
                }
                CompareTable.Stats ts = CompareTable.Stats.of(t), ls = CompareTable.Stats.of(l), ps = CompareTable.Stats.of(p);
                String ratio = String.format("%.1f× SQLite", ts.median() / ls.median())
                        + (postgres == null ? "" : String.format(", %.1f× PostgreSQL", ts.median() / ps.median()));
                table.add(new CompareTable.Row("durable append, " + clients + (clients == 1 ? " client" : " clients") + " (appends/s)",
                        String.format("%,d × %d", n, options.iterations()), ts.format("%,.0f"), ls.format("%,.0f") + " per-row commits",
                        postgres == null ? "skipped (no PostgreSQL)" : ps.format("%,.0f") + " per-row commits", ratio,
                        clients == 16 ? "≥ 8× per-row commits: " + verdict(ts.median() / ls.median(), 8, "SQLite")
                                + (postgres == null ? "" : ", " + verdict(ts.median() / ps.median(), 8, "PostgreSQL")) : "—"));
            }
        }
    }

    static String verdict(double ratio, double goal, String against) {
        return (ratio >= goal ? "met" : "**not met**") + " vs " + against;
    }

    private interface Append {
        void append(Fact f);
    }

    /** Appends n fresh reports from {@code clients} threads, through Truce if {@code truce} is set, else by JDBC; appends/s. */
    private double rate(int clients, int n, Append truce, Connector jdbc) throws Exception {
        List<Fact> facts = data.reports(n);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients && jdbc != null; c++) connections.add(jdbc.open());
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Connection conn = jdbc == null ? null : connections.get(c);
            Thread th = new Thread(() -> {
                try (PreparedStatement insert = conn == null ? null : conn.prepareStatement(INSERT)) {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Fact f = facts.get(i);
                        if (truce != null) {
                            truce.append(f);
                        } else {
                            Report r = ((Fact.ReportFiled) f).report();
                            insert.setString(1, r.id());
                            insert.setString(2, r.metric() + "/" + r.source() + "/" + r.place());
                            insert.setString(3, r.asOf().toString());
                            insert.setString(4, r.kind().toString());
                            insert.setBigDecimal(5, r.value());
                            insert.setString(6, FactWriter.write(f).toString());
                            insert.executeUpdate(); // autocommit: one transaction per row
                        }
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }, "bench-client-" + c);
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Connection c : connections) c.close();
        if (failed.get() != null) throw new IllegalStateException("append failed: " + failed.get(), failed.get());
        return n / seconds;
    }

    private static List<String> pointers(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add("/" + i);
        return out;
    }
}
