package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Metric;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.figures.Fact;
import org.truce.figures.ReportKind;
import org.truce.support.MemoryRecord;

/** The bulletin of a date from a record in memory: every body in its own name, side by side, from one checkpoint. */
class BulletinComposerTest {
    private static final LocalDate DAY = LocalDate.of(2021, 1, 10);
    private static final Messages EN = Messages.of("en").orElseThrow();
    private MemoryRecord record;
    private BulletinComposer composer;

    @BeforeEach
    void aRecordOfOneMetricOnOneRegionWithThreeBodiesThatReportOnIt() {
        record = new MemoryRecord();
        record.add(new Fact.MetricDeclared(new Metric("returnees", "people", List.of(), Map.of("en", "people returned"))));
        body("unhcr", "UNHCR", Role.INTERNATIONAL_ORGANISATION);
        body("ru-mod", "the Russian Ministry of Defence", Role.PEACEKEEPERS);
        body("icrc", "the ICRC", Role.INTERNATIONAL_ORGANISATION);
        record.place("nk", "region", null, null);
        composer = new BulletinComposer(record.figures(), record.ledger());
    }

    @AfterEach
    void close() {
        record.close();
    }

    private void body(String id, String name, Role role) {
        record.add(new Fact.SourceDeclared(new Source(id, EnumSet.of(role), null, Map.of("en", name), List.of("returnees"))));
    }

    private Bulletin compose(long size) {
        return composer.compose(DAY, size, EN);
    }

    @Test
    void each_body_figure_stands_in_its_own_line_in_its_own_name_and_the_silent_bodies_are_named() {
        record.report("ru-mod", "returnees", "nk", ReportKind.TOTAL, "48000", LocalDate.of(2021, 1, 9));
        record.report("unhcr", "returnees", "nk", ReportKind.TOTAL, "41000", LocalDate.of(2021, 1, 8));

        Bulletin b = compose(record.ledger().size());

        assertThat(b.sections()).hasSize(1);
        Bulletin.Section s = b.sections().get(0);
        assertThat(s.metric()).isEqualTo("returnees");
        assertThat(s.place()).isEqualTo("nk");
        assertThat(s.lines()).extracting(Bulletin.Line::source).containsExactly("ru-mod", "unhcr");
        assertThat(s.lines()).extracting(Bulletin.Line::value).containsExactly("48000", "41000");
        assertThat(s.lines()).extracting(Bulletin.Line::reportedAsOf).containsExactly(LocalDate.of(2021, 1, 9), LocalDate.of(2021, 1, 8));
        assertThat(s.lines()).extracting(Bulletin.Line::text).containsExactly(
                "According to the Russian Ministry of Defence, as of 9 January 2021, a total of 48,000 people had returned to nk.",
                "According to UNHCR, as of 8 January 2021, a total of 41,000 people had returned to nk.");
        assertThat(s.noReport()).isEqualTo("No figure on this from: the ICRC.");
    }

    @Test
    void the_bulletin_of_a_ledger_size_knows_nothing_recorded_after_it_and_names_that_checkpoint() {
        record.report("ru-mod", "returnees", "nk", ReportKind.TOTAL, "48000", LocalDate.of(2021, 1, 9));
        long size = record.ledger().size();
        record.report("unhcr", "returnees", "nk", ReportKind.TOTAL, "41000", LocalDate.of(2021, 1, 8));

        Bulletin b = compose(size);

        assertThat(b.size()).isEqualTo(size);
        assertThat(b.root()).isEqualTo(HexFormat.of().formatHex(record.ledger().checkpointAt(size).rootHash()));
        assertThat(b.sections().get(0).lines()).extracting(Bulletin.Line::source).containsExactly("ru-mod");
        assertThat(b.sections().get(0).noReport()).isEqualTo("No figure on this from: UNHCR; the ICRC.");
    }

    @Test
    void a_metric_on_which_no_body_reported_anything_names_every_body_known_to_report_on_it_in_declaration_order() {
        Bulletin b = compose(record.ledger().size());

        assertThat(b.sections()).singleElement().satisfies(s -> {
            assertThat(s.place()).isNull();
            assertThat(s.lines()).isEmpty();
            assertThat(s.noReport()).isEqualTo("No figure on this from: UNHCR; the Russian Ministry of Defence; the ICRC.");
        });
    }

    @Test
    void the_other_capabilities_sections_follow_in_their_order_and_a_section_with_nothing_to_say_is_left_out() {
        BulletinPart quiet = (asOf, size, m) -> Optional.empty();
        BulletinPart ceasefire = (asOf, size, m) -> Optional.of(new Bulletin.Part("ceasefire", "Ceasefire", List.of("line " + size)));
        BulletinPart accords = (asOf, size, m) -> Optional.of(new Bulletin.Part("implementation", "Implementation", List.of()));
        composer = new BulletinComposer(record.figures(), record.ledger(), List.of(quiet, ceasefire, accords));

        Bulletin b = compose(5);

        assertThat(b.parts()).extracting(Bulletin.Part::key).containsExactly("ceasefire", "implementation");
        assertThat(b.parts().get(0).lines()).containsExactly("line 5");
    }
}
