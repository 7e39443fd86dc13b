package org.truce.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.truce.ledger.Entry;

/**
 * The answer "as the first N entries knew it" from the full book (which walks versions) equals the
 * present answer of a book that only ever saw those N entries. Random histories of totals,
 * increments, corrections and retractions, replayable from the seed.
 */
class KnownAtTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void a_past_ledger_size_answers_exactly_as_that_prefix_would_now(long seed) {
        Random random = new Random(seed);
        BookBuilder full = new BookBuilder();
        List<String> live = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String source = List.of("a", "b").get(random.nextInt(2));
            String date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(20)).toString();
            int action = random.nextInt(10);
            if (action < 1 && !live.isEmpty()) {
                String victim = live.remove(random.nextInt(live.size()));
                full.retract(sourceOf(full, victim), victim);
            } else if (action < 2 && !live.isEmpty()) {
                String old = live.remove(random.nextInt(live.size()));
                live.add(full.report(sourceOf(full, old), "region", ReportKind.TOTAL, String.valueOf(random.nextInt(1000)),
                        Qualifier.EXACT, date, Map.of(), old));
            } else {
                ReportKind kind = random.nextBoolean() ? ReportKind.TOTAL : ReportKind.INCREMENT;
                live.add(full.report(source, "region", kind, String.valueOf(random.nextInt(500)), Qualifier.EXACT, date, Map.of(), null));
            }
        }
        for (int n = 0; n <= full.entries.size(); n += 5) {
            FigureBook prefix = new FigureBook();
            for (Entry e : full.entries.subList(0, n)) prefix.applied(e);
            for (String source : List.of("a", "b")) {
                for (int d = 0; d < 22; d++) {
                    LocalDate date = LocalDate.of(2021, 1, 1).plusDays(d);
                    Optional<Figure> past = full.book.figure("returnees", source, "region", date, n);
                    Optional<Figure> now = prefix.figure("returnees", source, "region", date, n);
                    assertThat(past.map(KnownAtTest::summary)).as("n=%d %s %s", n, source, date).isEqualTo(now.map(KnownAtTest::summary));
                }
            }
        }
    }

    private static String sourceOf(BookBuilder b, String id) {
        return b.book.report(id).orElseThrow().report().source();
    }

    private static String summary(Figure f) {
        return f.value().toPlainString() + " " + f.qualifier() + " " + f.reportedAsOf() + " "
                + f.basis().stream().map(Filed::seq).toList() + " " + f.flags();
    }
}
