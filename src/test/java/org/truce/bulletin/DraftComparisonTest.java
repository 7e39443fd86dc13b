package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.figures.Report;
import org.truce.ingest.DemoPublications;
import org.truce.ledger.EntryCodec;

/** The draft of a date beside the publication it would follow ({@link Issues#compare}), on the demo's record. */
class DraftComparisonTest {
    static final LocalDate DATE = DemoPublications.LATEST;
    @TempDir
    Path dir;

    private Truce open() {
        Truce truce = Truce.open(dir, Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
        truce.loadDemo();
        return truce;
    }

    @Test
    void a_draft_at_the_size_of_the_last_publication_differs_in_nothing_and_a_correction_since_is_marked_with_both_values() {
        try (Truce truce = open()) {
            Messages en = Messages.of("en").orElseThrow();
            Publication last = truce.publications().latest(DATE).orElseThrow();
            DraftComparison same = truce.issues().compare(DATE, truce.ledger().size(), en);
            assertThat(same.sameDate()).isTrue();
            assertThat(same.base()).isEqualTo(last);
            assertThat(same.baseNumber()).isEqualTo(truce.publications().number(last));
            assertThat(same.changes()).isEmpty();
            assertThat(same.rows()).isNotEmpty().noneMatch(DraftComparison.Row::changed)
                    .allMatch(r -> r.before() != null && r.before().equals(r.after()));

            // correct the report the first line of the draft rests on
            Bulletin.Line line = same.draft().bulletin().sections().get(0).lines().get(0);
            long seq = line.basedOn().get(line.basedOn().size() - 1);
            String id = EntryCodec.decode(truce.ledger().read(seq, 1).get(0).bytes()).clientId();
            Report old = truce.figures().report(id).orElseThrow().report();
            Report corrected = new Report("00000000-0000-4000-8000-00000000c0de", old.metric(), old.kind(), old.value().add(BigDecimal.TEN),
                    old.qualifier(), old.breakdown(), old.asOf(), old.asOfPrecision(), old.since(), old.place(), old.source(),
                    old.attribution(), old.document(), old.id(), null, old.attributionKind(), old.attributionLang());
            truce.recorder().record(new Fact.ReportFiled(corrected), "desk/u-test");

            DraftComparison after = truce.issues().compare(DATE, truce.ledger().size(), en);
            assertThat(after.changes()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(Change.Kind.CORRECTED);
                assertThat(c.source()).isEqualTo(old.source());
                assertThat(new BigDecimal(c.after())).isEqualByComparingTo(new BigDecimal(c.before()).add(BigDecimal.TEN));
            });
            assertThat(after.rows()).filteredOn(DraftComparison.Row::changed).singleElement().satisfies(r -> {
                assertThat(r.before()).isEqualTo(line.text());
                assertThat(r.after()).isNotEqualTo(r.before());
                assertThat(r.change().kind()).isEqualTo(Change.Kind.CORRECTED);
            });
        }
    }

    @Test
    void a_date_never_published_is_set_beside_the_newest_publication_composed_for_that_date() {
        try (Truce truce = open()) {
            DraftComparison next = truce.issues().compare(DATE.plusDays(1), truce.ledger().size(), Messages.of("en").orElseThrow());
            assertThat(next.sameDate()).isFalse();
            assertThat(next.base()).isEqualTo(truce.publications().newest().orElseThrow());
            assertThat(next.draft().masthead().status()).isEqualTo(Status.DRAFT);
        }
    }
}
