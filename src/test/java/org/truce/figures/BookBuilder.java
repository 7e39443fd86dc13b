package org.truce.figures;

import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.record.Document;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.truce.ledger.Entry;

/** Feeds facts to a FigureBook as ledger entries would, without a store: for domain tests. */
final class BookBuilder {
    final FigureBook book = new FigureBook();
    final List<Entry> entries = new ArrayList<>();
    private int ids;

    BookBuilder() {
        add(new Fact.MetricDeclared(new Metric("returnees", "people", List.of("children"), Map.of("en", "people returned"))));
        for (String s : List.of("a", "b", "c")) {
            add(new Fact.SourceDeclared(new Source(s, EnumSet.of(Role.PARTY), null, Map.of("en", "source " + s), List.of("returnees"))));
        }
        add(new Fact.PlaceDeclared(new Place("region", "region", null, null, names("Region"), null, List.of())));
        add(new Fact.PlaceDeclared(new Place("east", "district", null, "region", names("East"), null, List.of())));
        add(new Fact.PlaceDeclared(new Place("west", "district", null, "region", names("West"), null, List.of())));
        add(new Fact.PlaceDeclared(new Place("town", "town", null, "region", names("Town"), null, List.of())));
    }

    private static List<PlaceName> names(String n) {
        return List.of(new PlaceName("en", n, List.of(PlaceName.COMMON)));
    }

    long add(Fact fact) {
        long seq = entries.size();
        Entry e = new Entry(seq, Instant.ofEpochSecond(1_700_000_000L + seq), fact.type(), "test", fact.clientId(), FactWriter.write(fact));
        entries.add(e);
        book.applied(e);
        return seq;
    }

    String report(String source, String place, ReportKind kind, String value, Qualifier q, String date, Map<String, BigDecimal> breakdown, String corrects) {
        String id = String.format("00000000-0000-4000-8000-%012d", ++ids);
        add(new Fact.ReportFiled(new Report(id, "returnees", kind, new BigDecimal(value), q, breakdown, LocalDate.parse(date),
                DatePrecision.DAY, null, place, source, "words of " + source, new Document("t", "p", null, null), corrects)));
        return id;
    }

    String total(String source, String value, String date) {
        return report(source, "region", ReportKind.TOTAL, value, Qualifier.EXACT, date, Map.of(), null);
    }

    String increment(String source, String value, String date) {
        return report(source, "region", ReportKind.INCREMENT, value, Qualifier.EXACT, date, Map.of(), null);
    }

    /** A total that waits for review, correcting {@code corrects} (or null) once confirmed. */
    String awaiting(String source, String value, String date, String corrects) {
        String id = String.format("00000000-0000-4000-8000-%012d", ++ids);
        add(new Fact.ReportFiled(new Report(id, "returnees", ReportKind.TOTAL, new BigDecimal(value), Qualifier.EXACT, Map.of(),
                LocalDate.parse(date), DatePrecision.DAY, null, "region", source, "words of " + source, new Document("t", "p", null, null),
                corrects).withReview(Review.REQUIRED)));
        return id;
    }

    long decide(String report, ReviewDecision.Verdict verdict) {
        String id = String.format("00000000-0000-4000-8000-%012d", ++ids);
        return add(new Fact.ReportReviewed(new ReviewDecision(id, report, verdict, verdict == ReviewDecision.Verdict.REJECTED ? "wrong" : null)));
    }

    void retract(String source, String id) {
        String rid = String.format("00000000-0000-4000-8000-%012d", ++ids);
        add(new Fact.ReportRetracted(new Retraction(rid, source, id, "test")));
    }

    Figure figure(String source, String place, String date) {
        return book.figure("returnees", source, place, LocalDate.parse(date), Long.MAX_VALUE).orElse(null);
    }
}
