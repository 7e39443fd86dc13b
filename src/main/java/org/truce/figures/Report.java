package org.truce.figures;

import org.truce.record.DuplicateOf;
import org.truce.record.Document;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure from one source, exactly as reported. Values are decimals (never binary floating point);
 * a value of 0 is a nil report. {@code corrects} names the report this one replaces, or null;
 * {@code duplicateOf} is set when the reporter records, knowingly, a repeat of a report already in the
 * record ({@link FactRules#duplicates}); such a report is never folded into a figure.
 * {@code attributionKind} says whether {@code attribution} is the body's verbatim words or a summary;
 * {@code attributionLang} is the language those words are in (required for a quote, else optional).
 * {@code review} says whether it waits for a second account's confirmation before it counts ({@link Review});
 * {@code spokesperson} is the name of the person who spoke for the body, when the document gives it, or null.
 * Immutable.
 */
public record Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                     Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                     LocalDate since, String place, String source, String attribution, Document document,
                     String corrects, DuplicateOf duplicateOf, AttributionKind attributionKind, String attributionLang,
                     Review review, String spokesperson) {

    /** A report that names no spokesperson. */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects, DuplicateOf duplicateOf, AttributionKind attributionKind, String attributionLang, Review review) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, duplicateOf, attributionKind, attributionLang, review, null);
    }

    /** A report that needs no review. */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects, DuplicateOf duplicateOf, AttributionKind attributionKind, String attributionLang) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, duplicateOf, attributionKind, attributionLang, Review.NONE);
    }

    /** A report that repeats none, its attribution a paraphrase in an unstated language (the reading of older entries). */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, null, AttributionKind.PARAPHRASE, null);
    }

    /** A report that may repeat another, its attribution a paraphrase in an unstated language. */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects, DuplicateOf duplicateOf) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, duplicateOf, AttributionKind.PARAPHRASE, null);
    }

    /** A report that repeats none, with the kind and language of its attribution. */
    public Report(String id, String metric, ReportKind kind, BigDecimal value, Qualifier qualifier,
                  Map<String, BigDecimal> breakdown, LocalDate asOf, DatePrecision asOfPrecision,
                  LocalDate since, String place, String source, String attribution, Document document,
                  String corrects, AttributionKind attributionKind, String attributionLang) {
        this(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place, source, attribution,
                document, corrects, null, attributionKind, attributionLang);
    }

    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
    private static final Class<?> SINGLE = Map.of("", "").getClass();

    /** The breakdown is kept immutable and in key order; the common cases (none, one) take no tree. */
    public Report {
        if (attributionKind == null) attributionKind = AttributionKind.PARAPHRASE;
        if (review == null) review = Review.NONE;
        if (breakdown.isEmpty()) {
            breakdown = Map.of();
        } else if (breakdown.size() == 1) {
            if (breakdown.getClass() != SINGLE) {
                var e = breakdown.entrySet().iterator().next();
                breakdown = Map.of(e.getKey(), e.getValue());
            }
        } else if (breakdown.getClass() != FROZEN) {
            breakdown = Collections.unmodifiableSortedMap(new TreeMap<>(breakdown));
        }
    }

    /** The same report, needing review or not. */
    public Report withReview(Review r) {
        return r == review ? this : new Report(id, metric, kind, value, qualifier, breakdown, asOf, asOfPrecision, since, place,
                source, attribution, document, corrects, duplicateOf, attributionKind, attributionLang, r, spokesperson);
    }

    public boolean awaitsReview() {
        return review == Review.REQUIRED;
    }
}
