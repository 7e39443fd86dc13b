package org.truce.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.truce.figures.DatePrecision;
import org.truce.record.Document;
import org.truce.figures.Fact;
import org.truce.figures.FactWriter;
import org.truce.figures.Figure;
import org.truce.figures.FigureBook;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;
import org.truce.ledger.Entry;

/**
 * The as-of query of DESIGN.md's glossary (the latest total dated ≤ D for one source, metric and
 * place, plus the increments dated after it up to D) on one series of 1k, 100k and 1M reports, one
 * report a day, every seventh a total: Truce's figures projection ({@link FigureBook#figure}, folded
 * from ledger entries the way replay folds them, without writing a ledger) against the same rows in
 * PostgreSQL with a covering index (series, as_of DESC) INCLUDE (kind, value), vacuumed and analysed,
 * and in SQLite with the covering index (series, as_of DESC, kind, value). Every answer is compared.
 */
final class AsOfCompare {
    private static final String METRIC = "bench_metric", PLACE = "bench-place";
    private static final LocalDate START = LocalDate.of(1900, 1, 1);
    /** One query, the same text on both engines: the latest total, plus the increments after it up to D. */
    static final String QUERY = "SELECT t.as_of, t.value + COALESCE((SELECT sum(i.value) FROM facts i WHERE i.series = ? AND i.kind = 1 "
            + "AND i.as_of > t.as_of AND i.as_of <= ?), 0) FROM (SELECT as_of, value FROM facts WHERE series = ? AND kind = 0 "
            + "AND as_of <= ? ORDER BY as_of DESC LIMIT 1) t";

    private final CompareOptions options;

    AsOfCompare(CompareOptions options) {
        this.options = options;
    }

    private static String source(int size) {
        return "bench-source-" + size;
    }

    /** Report k of the series: a total every seventh day, else an increment. */
    private static long value(int k) {
        return k % 7 == 0 ? 1000L + k : (k * 31L) % 200;
    }

    void run(Path dir, AppendCompare.Connector postgres, CompareTable table) throws Exception {
        List<Integer> sizes = options.seriesSizes();
        FigureBook book = new FigureBook();
        long seq = 0;
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int size : sizes) {
            for (int k = 0; k < size; k++) {
                Report r = new Report(new UUID(size, k).toString(), METRIC, k % 7 == 0 ? ReportKind.TOTAL : ReportKind.INCREMENT,
                        BigDecimal.valueOf(value(k)), Qualifier.EXACT, Map.of(), START.plusDays(k), DatePrecision.DAY, null, PLACE,
                        source(size), "bench report " + k, new Document("bench", "truce bench --compare", null, null), null);
                Fact f = new Fact.ReportFiled(r);
                book.applied(new Entry(seq, at, f.type(), "bench", r.id(), FactWriter.write(f)));
                seq++;
            }
        }
        Path sqliteFile = dir.resolve("asof.sqlite");
        try (Connection lite = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile); Connection pg = postgres == null ? null : postgres.open()) {
            load(lite, pg, sizes);
            for (int s = 0; s < sizes.size(); s++) {
                int size = sizes.get(s);
                measure(book, lite, pg, s, size, table);
            }
        }
    }

    private void load(Connection lite, Connection pg, List<Integer> sizes) throws SQLException, java.io.IOException {
        String create = "CREATE TABLE facts (series INTEGER NOT NULL, as_of INTEGER NOT NULL, kind SMALLINT NOT NULL, value BIGINT NOT NULL)";
        try (Statement s = lite.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute(create);
        }
        lite.setAutoCommit(false);
        try (PreparedStatement ins = lite.prepareStatement("INSERT INTO facts VALUES (?, ?, ?, ?)")) {
            for (int s = 0; s < sizes.size(); s++) {
                for (int k = 0; k < sizes.get(s); k++) {
                    ins.setInt(1, s);
                    ins.setLong(2, START.plusDays(k).toEpochDay());
                    ins.setInt(3, k % 7 == 0 ? 0 : 1);
                    ins.setLong(4, value(k));
                    ins.addBatch();
                    if (k % 10_000 == 9_999) ins.executeBatch();
                }
                ins.executeBatch();
            }
        }
        lite.commit();
        lite.setAutoCommit(true);
        try (Statement s = lite.createStatement()) {
            s.execute("CREATE INDEX facts_as_of ON facts (series, as_of DESC, kind, value)");
            s.execute("ANALYZE");
        }
        if (pg == null) return;
        try (Statement s = pg.createStatement()) {
            s.execute(create);
        }
        CopyIn copy = pg.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY facts FROM STDIN");
        StringBuilder b = new StringBuilder();
        for (int s = 0; s < sizes.size(); s++) {
            for (int k = 0; k < sizes.get(s); k++) {
                b.append(s).append('\t').append(START.plusDays(k).toEpochDay()).append('\t').append(k % 7 == 0 ? 0 : 1).append('\t')
                        .append(value(k)).append('\n');
                if (b.length() > 1 << 20) {
                    byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    b.setLength(0);
                }
            }
        }
        byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE INDEX facts_as_of ON facts (series, as_of DESC) INCLUDE (kind, value)");
            s.execute("VACUUM ANALYZE facts");
        }
    }

    private void measure(FigureBook book, Connection lite, Connection pg, int series, int size, CompareTable table) throws SQLException {
        Random random = new Random(7L * size);
        int n = options.truceQueries(), m = options.sqlQueries();
        long[] days = new long[Math.max(n, m)];
        for (int i = 0; i < days.length; i++) days[i] = START.toEpochDay() + random.nextInt(size);
        // every engine must give the same answer
        try (PreparedStatement ql = lite.prepareStatement(QUERY); PreparedStatement qp = pg == null ? null : pg.prepareStatement(QUERY)) {
            for (int i = 0; i < Math.min(50, m); i++) {
                long truce = truce(book, size, days[i]);
                check("SQLite", truce, sql(ql, series, days[i]), days[i]);
                if (qp != null) check("PostgreSQL", truce, sql(qp, series, days[i]), days[i]);
            }
            String litePlan = plan(lite, "EXPLAIN QUERY PLAN " + literal(series, days[0]), "INDEX");
            String pgPlan = pg == null ? null : plan(pg, "EXPLAIN " + literal(series, days[0]), "Index Only Scan");
            System.out.println("  as-of, " + String.format("%,d", size) + " rows: SQLite plan: " + litePlan);
            if (pg != null) System.out.println("  as-of, " + String.format("%,d", size) + " rows: PostgreSQL plan: " + pgPlan);
            double[] t = new double[options.iterations()], l = new double[options.iterations()], p = new double[options.iterations()];
            for (int it = -options.warmUps(); it < options.iterations(); it++) {
                long sink = 0, t0 = System.nanoTime();
                for (int i = 0; i < n; i++) sink += truce(book, size, days[i]);
                double tu = (System.nanoTime() - t0) / 1e3 / n;
                t0 = System.nanoTime();
                for (int i = 0; i < m; i++) sink += sql(ql, series, days[i]);
                double lu = (System.nanoTime() - t0) / 1e3 / m;
                double pu = Double.NaN;
                if (qp != null) {
                    t0 = System.nanoTime();
                    for (int i = 0; i < m; i++) sink += sql(qp, series, days[i]);
                    pu = (System.nanoTime() - t0) / 1e3 / m;
                }
                if (sink == 42) System.out.print("");
                if (it >= 0) {
                    t[it] = tu;
                    l[it] = lu;
                    p[it] = pu;
                }
            }
            CompareTable.Stats ts = CompareTable.Stats.of(t), ls = CompareTable.Stats.of(l), ps = CompareTable.Stats.of(p);
            String ratio = String.format("%.0f× SQLite", ls.median() / ts.median())
                    + (pg == null ? "" : String.format(", %.0f× PostgreSQL", ps.median() / ts.median()));
            boolean goalCase = size == 100_000;
            table.add(new CompareTable.Row(String.format("as-of query, %,d rows per series (µs/query)", size),
                    String.format("%,d / %,d queries × %d", n, m, options.iterations()), ts.format("%.2f"),
                    ls.format("%.1f"), pg == null ? "skipped (no PostgreSQL)" : ps.format("%.1f") + " (" + pgPlan + ")", ratio,
                    goalCase && pg != null ? "≥ 50× PostgreSQL: " + AppendCompare.verdict(ps.median() / ts.median(), 50, "PostgreSQL") : "—"));
        }
    }

    private static String literal(int series, long day) {
        return QUERY.replaceFirst("\\?", "" + series).replaceFirst("\\?", "" + day).replaceFirst("\\?", "" + series)
                .replaceFirst("\\?", "" + day);
    }

    /** The plan's lines that name {@code want}, without costs; fails unless every scan of the table is one. */
    private static String plan(Connection c, String explain, String want) throws SQLException {
        List<String> lines = new ArrayList<>(), scans = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(explain)) {
            int col = r.getMetaData().getColumnCount();
            while (r.next()) lines.add(r.getString(col));
        }
        for (String line : lines) {
            String l = line.replace("->", "").replaceAll("\\s+\\(cost.*", "").trim();
            if ((l.contains("Scan") || l.startsWith("SEARCH") || l.startsWith("SCAN")) && l.contains("facts")) scans.add(l);
        }
        if (scans.isEmpty() || !scans.stream().allMatch(l -> l.contains(want))) {
            throw new IllegalStateException("the plan does not use the index as expected (" + want + "): " + lines);
        }
        return String.join("; ", scans);
    }

    private static long truce(FigureBook book, int size, long day) {
        Optional<Figure> f = book.figure(METRIC, source(size), PLACE, LocalDate.ofEpochDay(day), Long.MAX_VALUE);
        return f.orElseThrow().value().longValueExact();
    }

    private static long sql(PreparedStatement q, int series, long day) throws SQLException {
        q.setInt(1, series);
        q.setLong(2, day);
        q.setInt(3, series);
        q.setLong(4, day);
        try (ResultSet r = q.executeQuery()) {
            if (!r.next()) throw new IllegalStateException("no answer for day " + day);
            return r.getLong(2);
        }
    }

    private static void check(String engine, long truce, long other, long day) {
        if (truce != other) throw new IllegalStateException(engine + " answers " + other + " but Truce " + truce + " as of " + LocalDate.ofEpochDay(day));
    }
}
