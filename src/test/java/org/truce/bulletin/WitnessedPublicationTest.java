package org.truce.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.catalog.Metric;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.figures.Fact;
import org.truce.figures.ReportKind;
import org.truce.record.Outcome;
import org.truce.support.MemoryRecord;

/**
 * A publication records what the node's witnesses had cosigned when it was made, and its header
 * says so in the reader's language; a node without witnesses records nothing and prints no such line.
 */
class WitnessedPublicationTest {
    private static final LocalDate DAY = LocalDate.of(2021, 1, 10);
    private MemoryRecord record;

    @BeforeEach
    void aRecordWithOneFigureAndTwoBodiesThatRunWitnesses() {
        record = new MemoryRecord();
        record.add(new Fact.MetricDeclared(new Metric("returnees", "people", List.of(), Map.of("en", "people returned"))));
        record.add(new Fact.SourceDeclared(new Source("party-a", EnumSet.of(Role.PARTY), null,
                Map.of("en", "Party A (illustrative)", "ru", "Сторона А (условно)"), List.of("returnees"))));
        record.add(new Fact.SourceDeclared(new Source("monitor", EnumSet.of(Role.MONITOR), null,
                Map.of("en", "Monitoring body (illustrative)", "ru", "Наблюдательный орган (условно)"), List.of("returnees"))));
        record.place("nk", "region", null, null);
        record.report("party-a", "returnees", "nk", ReportKind.TOTAL, "480", DAY);
    }

    @AfterEach
    void close() {
        record.close();
    }

    private Witnessed cosigned(long size) {
        return new Witnessed(size, "ab".repeat(32), List.of(new Witnessed.Cosigned("party-a.witness.example", "party-a", 1_700_000_000L),
                new Witnessed.Cosigned("monitor.witness.example", "monitor", 1_700_000_001L),
                new Witnessed.Cosigned("unnamed.witness.example", null, 1_700_000_002L)), "note\n");
    }

    private Issue published(Publisher publisher, String lang) {
        Outcome outcome = publisher.publish(publisher.request("p-1", DAY, null, "party-a"), "party-a");
        assertThat(outcome).isInstanceOf(Outcome.Done.class);
        Issues issues = new Issues(new BulletinComposer(record.figures(), record.ledger()), record.publications(), record.figures(), record.ledger());
        return issues.published(record.publications().latest(DAY).orElseThrow(), Messages.of(lang).orElseThrow());
    }

    @Test
    void the_header_names_each_witness_by_the_body_it_speaks_for_or_by_its_key_name() {
        AtomicInteger asked = new AtomicInteger();
        Witnessing witnessing = size -> {
            asked.incrementAndGet();
            return Optional.of(cosigned(size));
        };
        Publisher publisher = new Publisher(record.ledger(), record.clock(), witnessing, record.publications());
        Issue en = published(publisher, "en");

        long size = record.publications().latest(DAY).orElseThrow().size();
        assertThat(en.masthead().headerLines()).last().isEqualTo("Witnessed (checkpoint of size " + size + ") by: Party A (illustrative), Monitoring body (illustrative) "
                + "and unnamed.witness.example");
        assertThat(BulletinJson.render(en).at("/publication/witnessed/by/0/witness").asText()).isEqualTo("party-a.witness.example");
        assertThat(BulletinJson.render(en).at("/publication/witnessed/note").asText()).isEqualTo("note\n");
        assertThat(asked).hasValue(1);
    }

    @Test
    void a_retry_keeps_what_the_first_attempt_recorded_and_stays_a_retry() {
        AtomicInteger asked = new AtomicInteger();
        Witnessing witnessing = size -> Optional.of(cosigned(size + asked.incrementAndGet()));
        Publisher publisher = new Publisher(record.ledger(), record.clock(), witnessing, record.publications());
        published(publisher, "en");
        long after = record.ledger().size();

        Outcome again = publisher.publish(publisher.request("p-1", DAY, record.publications().latest(DAY).orElseThrow().size(), "party-a"), "party-a");

        assertThat(again).isInstanceOf(Outcome.Done.class);
        assertThat(record.ledger().size()).isEqualTo(after);
        assertThat(record.publications().all()).hasSize(1);
    }

    @Test
    void nothing_cosigned_in_time_is_said_and_no_witnesses_means_no_line() {
        Publisher none = new Publisher(record.ledger(), record.clock(), size -> Optional.of(Witnessed.none()), record.publications());
        assertThat(published(none, "ru").masthead().headerLines()).last()
                .isEqualTo("Свидетели: на момент выпуска сводки заверяющих подписей под контрольной точкой не было");

        record.report("party-a", "returnees", "nk", ReportKind.TOTAL, "490", DAY.plusDays(1));
        Publisher plain = new Publisher(record.ledger(), record.clock());
        plain.publish(plain.request("p-2", DAY.plusDays(1), null, "party-a"), "party-a");
        Issues issues = new Issues(new BulletinComposer(record.figures(), record.ledger()), record.publications(), record.figures(), record.ledger());
        Issue issue = issues.published(record.publications().latest(DAY.plusDays(1)).orElseThrow(), Messages.of("en").orElseThrow());
        assertThat(issue.masthead().headerLines()).noneMatch(l -> l.startsWith("Witnessed"));
        assertThat(BulletinJson.render(issue).at("/publication").has("witnessed")).isFalse();
    }
}
