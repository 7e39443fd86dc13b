package org.truce.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.truce.app.Truce;
import org.truce.bulletin.Messages;
import org.truce.figures.Fact;
import org.truce.ingest.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the node in process, through the application's own API (not over HTTP), on a fresh store:
 * durable ingest (batched, and one report per commit), as-of queries, series, the bulletin, rebuilding
 * the projections from the store, and heap held per report; or, with {@code --map}, point
 * classification against the demo map ({@link MapBench}); or, with {@code --compare}, side by side with
 * SQLite and PostgreSQL/PostGIS ({@link CompareBench}); or, with {@code --imports}, a spreadsheet through
 * {@code POST /api/v1/imports} over HTTP ({@link ImportBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark ingest, queries, bulletin and rebuild; or, with --map, point classification; or, with --compare, side by side with SQLite and PostgreSQL; or, with --imports, a spreadsheet through POST /api/v1/imports; or, with --extraction, the extraction corpus.")
final class BenchCommand implements Callable<Integer> {
    private static final long BYTES_PER_REPORT_ON_DISK = 1500;

    @Option(names = "--reports", defaultValue = "1000000", description = "Synthetic reports to ingest (default ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--dir", defaultValue = "./truce-bench", description = "Scratch directory, emptied first (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--queries", defaultValue = "200000", description = "As-of queries to time (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--map", description = "Instead: classify random points against the demo map's zones and nearest heritage sites.")
    boolean map;

    @Option(names = "--points", defaultValue = "1000000", description = "With --map: points to classify per run (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--compare", description = "Instead: Truce side by side with SQLite and PostgreSQL/PostGIS (append, as-of query, point in zone, area and length).")
    boolean compare;

    @Option(names = "--pg", defaultValue = "postgresql://postgres@127.0.0.1:5432/postgres",
            description = "With --compare: the PostgreSQL server to create a scratch database on (default ${DEFAULT-VALUE}).")
    String pg;

    @Option(names = "--quick", description = "With --compare: a short smoke run.")
    boolean quick;

    @Option(names = "--imports", description = "Instead: a spreadsheet of --rows rows through POST /api/v1/imports over HTTP (dry run, commit, again).")
    boolean imports;

    @Option(names = "--rows", defaultValue = "10000", description = "With --imports: rows of the spreadsheet (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--extraction", description = "Instead: read the extraction corpus (--corpus) and print precision and recall per field and language.")
    boolean extraction;

    @Option(names = "--corpus", defaultValue = "src/test/resources/extraction/corpus",
            description = "With --extraction: the directory of <lang>.json corpus files and aliases.json (default ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--misses", description = "With --extraction: also list every figure missed or field wrong.")
    boolean misses;

    @Override
    public Integer call() throws Exception {
        if (extraction) {
            empty();
            ExtractionBench.run(dir, corpus, misses);
            return 0;
        }
        if (imports) {
            if (rows < 1 || rows > 10_000) throw new IllegalArgumentException("--rows must be between 1 and 10000 (an import's limit)");
            empty();
            ImportBench.run(dir, rows);
            return 0;
        }
        if (compare) {
            CompareBench.run(pg, quick);
            return 0;
        }
        if (map) {
            if (points < 1) throw new IllegalArgumentException("--points must be at least 1");
            empty();
            MapBench.run(dir, points);
            return 0;
        }
        prepare();
        long baseline = usedHeap();
        System.out.printf("Truce bench: %,d reports, %d cores, max heap %d MiB, Java %s%n", reports,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        SyntheticData data = new SyntheticData(42);
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            long t0 = System.nanoTime();
            DemoCommand.generate(truce.recorder(), data, reports, true);
            double batched = reports / seconds(t0);
            int singles = Math.max(1, Math.min(2000, reports / 10));
            t0 = System.nanoTime();
            for (Fact f : data.reports(singles)) DemoCommand.check(truce.recorder().record(f, "bench"));
            double single = singles / seconds(t0);
            row("ingest, batched 10,000 per request (durable)", "%,.0f reports/s", batched);
            row("ingest, one report per commit (durable, 1 thread)", "%,.0f reports/s (N=%d)", single, singles);
            asOf(truce, reports);
            series(truce);
            bulletin(truce);
        }
        System.gc();
        long t0 = System.nanoTime();
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            double rebuild = seconds(t0);
            row("rebuild projections from the store", "%.2f s for %,d entries", rebuild, truce.ledger().size());
            long held = usedHeap() - baseline;
            row("heap held by ledger index and projections", "%,d bytes/report", held / Math.max(1, truce.ledger().size()));
        }
        return 0;
    }

    private void prepare() throws IOException {
        empty();
        long need = BYTES_PER_REPORT_ON_DISK * reports;
        long free = Files.getFileStore(dir).getUsableSpace();
        System.out.printf("Disk: this run needs about %,d MiB in %s; %,d MiB are free.%n", need >> 20, dir.toAbsolutePath(), free >> 20);
        if (free < need) throw new IllegalStateException("not enough free disk space for " + reports + " reports: need about " + (need >> 20) + " MiB");
    }

    private void empty() throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Files.createDirectories(dir);
    }

    private void asOf(Truce truce, int n) {
        Random random = new Random(7);
        long size = truce.ledger().size();
        int days = Math.max(1, n / (SyntheticData.SOURCES * SyntheticData.PLACES));
        long[] nanos = new long[queries];
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < queries; i++) {
            String source = SyntheticData.sourceId(random.nextInt(SyntheticData.SOURCES));
            String place = SyntheticData.placeId(random.nextInt(SyntheticData.PLACES));
            LocalDate d = start.plusDays(random.nextInt(days + 1));
            long t = System.nanoTime();
            truce.figures().figure(SyntheticData.METRIC, source, place, d, size);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        row("as-of query, known now", "p50 %.1f µs, p99 %.1f µs (N=%,d)", nanos[queries / 2] / 1e3,
                nanos[(int) (queries * 0.99)] / 1e3, queries);
        long past = size / 2;
        int pastQueries = Math.min(queries, 2000);
        long[] pastNanos = new long[pastQueries];
        for (int i = 0; i < pastQueries; i++) {
            long t = System.nanoTime();
            truce.figures().figure(SyntheticData.METRIC, SyntheticData.sourceId(random.nextInt(SyntheticData.SOURCES)),
                    SyntheticData.placeId(random.nextInt(SyntheticData.PLACES)), start.plusDays(random.nextInt(days + 1)), past);
            pastNanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(pastNanos);
        row("as-of query, known at half the ledger", "p50 %.1f µs, p99 %.1f µs (N=%,d)", pastNanos[pastQueries / 2] / 1e3,
                pastNanos[(int) (pastQueries * 0.99)] / 1e3, pastQueries);
    }

    private void series(Truce truce) {
        int runs = 200;
        long t = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            truce.figures().series(SyntheticData.METRIC, SyntheticData.sourceId(i % SyntheticData.SOURCES),
                    SyntheticData.placeId(i % SyntheticData.PLACES), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31),
                    truce.ledger().size());
        }
        row("series query, 366 days", "%.2f ms each (N=%d)", seconds(t) * 1e3 / runs, runs);
    }

    private void bulletin(Truce truce) {
        Messages en = Messages.of("en").orElseThrow();
        LocalDate d = LocalDate.of(2000, 1, 1).plusDays(Math.max(1, reports / (SyntheticData.SOURCES * SyntheticData.PLACES)) / 2);
        truce.bulletins().compose(d, truce.ledger().size(), en);
        int runs = 20;
        long t = System.nanoTime();
        for (int i = 0; i < runs; i++) truce.bulletins().compose(d, truce.ledger().size(), en);
        row("bulletin (" + SyntheticData.SOURCES * SyntheticData.PLACES + " figures)", "%.1f ms each (N=%d)", seconds(t) * 1e3 / runs, runs);
    }

    private static void row(String what, String format, Object... args) {
        System.out.printf("  %-52s %s%n", what, String.format(format, args));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
