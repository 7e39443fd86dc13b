package org.truce.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import org.truce.app.Truce;
import org.truce.ingest.DemoDataset;
import org.truce.ingest.DemoGeography;
import org.truce.places.Classification;
import org.truce.places.PointClassifier;

/**
 * The map benchmark of issue 4: random positions over the demo region classified against the zones
 * of 25 November 2020, with the nearest heritage site of each, on two threads; five timed runs after
 * a warm-up, each printed, and their median.
 */
final class MapBench {
    private static final LocalDate AS_OF = LocalDate.of(2020, 11, 25);
    private static final double WEST = 46.0, EAST = 47.5, SOUTH = 39.3, NORTH = 40.4;
    private static final int THREADS = 2, RUNS = 5, WARM_UPS = 3;

    private MapBench() {}

    static void run(Path dir, int points) throws InterruptedException {
        try (Truce truce = Truce.open(dir, Clock.systemUTC())) {
            DemoDataset.load(truce.recorder());
            DemoGeography.load(truce.mapRecorder(), truce.mapReader(), DemoDataset.AUTHOR);
            long t0 = System.nanoTime();
            PointClassifier classifier = PointClassifier.build(truce.map(), AS_OF, truce.ledger().size());
            double build = seconds(t0);
            System.out.printf("Truce map bench: %,d points in lon %.1f–%.1f, lat %.1f–%.1f, as of %s, %d threads, %d cores, Java %s%n",
                    points, WEST, EAST, SOUTH, NORTH, AS_OF, THREADS, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            System.out.printf("  zones: %d (%,d vertices), heritage sites: %d (illustrative demo map); classifier built in %.0f ms%n",
                    classifier.zones().size(), classifier.zoneVertices(), classifier.sites().size(), build * 1e3);
            double[] lon = new double[points], lat = new double[points];
            Random random = new Random(42);
            for (int i = 0; i < points; i++) {
                lon[i] = WEST + (EAST - WEST) * random.nextDouble();
                lat[i] = SOUTH + (NORTH - SOUTH) * random.nextDouble();
            }
            for (int i = 0; i < WARM_UPS; i++) timed(classifier, lon, lat);
            double[] rates = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                Tally t = timed(classifier, lon, lat);
                rates[i] = points / t.seconds;
                System.out.printf("  run %d: %,.0f points/s (%.3f s; %,d zone hits, mean distance to the nearest site %.3f km)%n",
                        i + 1, rates[i], t.seconds, t.hits, t.km / points);
            }
            Arrays.sort(rates);
            System.out.printf("  median: %,.0f points/s on %d threads (target ≥ 1,000,000)%n", rates[RUNS / 2], THREADS);
        }
    }

    /** What the threads found, summed so the work cannot be dropped, and how long they took. */
    private record Tally(long hits, double km, double seconds) {}

    private static Tally timed(PointClassifier classifier, double[] lon, double[] lat) throws InterruptedException {
        long[] hits = new long[THREADS];
        double[] km = new double[THREADS];
        Thread[] threads = new Thread[THREADS];
        int share = (lon.length + THREADS - 1) / THREADS;
        long t0 = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int me = t, from = t * share, to = Math.min(lon.length, from + share);
            threads[t] = new Thread(() -> {
                Classification c = classifier.newClassification();
                long h = 0;
                double sum = 0;
                for (int i = from; i < to; i++) {
                    classifier.classify(lon[i], lat[i], c);
                    h += c.zoneCount();
                    sum += c.km();
                }
                hits[me] = h;
                km[me] = sum;
            });
            threads[t].start();
        }
        for (Thread t : threads) t.join();
        double seconds = seconds(t0);
        return new Tally(Arrays.stream(hits).sum(), Arrays.stream(km).sum(), seconds);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
