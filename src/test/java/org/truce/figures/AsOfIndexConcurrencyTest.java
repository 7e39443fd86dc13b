package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.truce.ledger.Entry;

/**
 * Readers that ask while the writer folds entries in get, without a lock, exactly the figure of the
 * ledger size their answer names: never a mix of two sizes. Seeded history; the interleaving is the
 * scheduler's, so a pass shows no torn read was seen, a failure names the size and date to replay.
 */
class AsOfIndexConcurrencyTest {
    private static final LocalDate START = LocalDate.of(2021, 1, 1);

    @Test
    void a_figure_read_during_writes_is_the_figure_of_the_size_it_names() throws Exception {
        BookBuilder full = history(new Random(11), 3000);
        FigureBook live = new FigureBook();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersUp = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                long seed = r;
                readers.add(pool.submit(() -> read(full, live, new Random(seed), readersUp, writing)));
            }
            Future<?> writer = pool.submit(() -> {
                readersUp.await();
                for (Entry e : full.entries) live.applied(e);
                writing.set(false);
                return null;
            });
            writer.get();
            int checked = 0;
            for (Future<Integer> r : readers) checked += r.get();
            assertThat(checked).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asks until the writer is done, and a last time after; returns how many answers were checked. */
    private static int read(BookBuilder full, FigureBook live, Random random, CountDownLatch up, AtomicBoolean writing) {
        up.countDown();
        int checked = 0;
        boolean last = false;
        while (!last) {
            last = !writing.get();
            String source = random.nextBoolean() ? "a" : "b";
            LocalDate date = START.plusDays(random.nextInt(1600));
            Optional<Figure> f = live.figure("returnees", source, "region", date, Long.MAX_VALUE);
            if (f.isEmpty()) continue;
            Figure expected = full.book.figureFromVersions("returnees", source, "region", date, f.get().atSize()).orElseThrow();
            assertThat(summary(f.get())).as("%s %s at %d", source, date, f.get().atSize()).isEqualTo(summary(expected));
            checked++;
        }
        return checked;
    }

    /** Mostly in date order (appends in place), with corrections and retractions (rebuilds). */
    private static BookBuilder history(Random random, int n) {
        BookBuilder b = new BookBuilder();
        List<String> live = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String source = random.nextBoolean() ? "a" : "b";
            int day = random.nextInt(10) == 0 ? random.nextInt(i / 2 + 1) : i / 2;
            int action = random.nextInt(20);
            if (action == 0 && !live.isEmpty()) {
                String victim = live.remove(random.nextInt(live.size()));
                b.retract(b.book.report(victim).orElseThrow().report().source(), victim);
            } else if (action == 1 && !live.isEmpty()) {
                String old = live.remove(random.nextInt(live.size()));
                live.add(b.report(b.book.report(old).orElseThrow().report().source(), "region", ReportKind.TOTAL,
                        String.valueOf(random.nextInt(1000)), Qualifier.EXACT, START.plusDays(day).toString(), Map.of(), old));
            } else {
                ReportKind kind = random.nextInt(5) == 0 ? ReportKind.TOTAL : ReportKind.INCREMENT;
                live.add(b.report(source, "region", kind, String.valueOf(random.nextInt(500)), Qualifier.EXACT,
                        START.plusDays(day).toString(), Map.of("children", BigDecimal.ONE), null));
            }
        }
        return b;
    }

    private static String summary(Figure f) {
        return f.atSize() + " " + f.value().toPlainString() + " " + f.qualifier() + " " + f.reportedAsOf() + " " + f.breakdown() + " "
                + f.basis().stream().map(Filed::seq).toList() + " " + f.flags();
    }
}
