package org.truce.figures;

import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.Source;

/** A fact of the figures capability, as one ledger entry records it. */
public sealed interface Fact {
    String SOURCE_DECLARED = "source.declared";
    String METRIC_DECLARED = "metric.declared";
    String METRIC_AMENDED = "metric.amended";
    String PLACE_DECLARED = "place.declared";
    String UNIT_DECLARED = "unit.declared";
    String REPORT_FILED = "report.filed";
    String REPORT_RETRACTED = "report.retracted";
    String REPORT_CONFIRMED = "report.confirmed";
    String REPORT_REJECTED = "report.rejected";
    String ALIAS_DECLARED = "alias.declared";
    String MAPPING_SAVED = "mapping.saved";
    /** Every entry type of this capability (the catalog's declarations are recorded through it). */
    java.util.Set<String> TYPES = java.util.Set.of(SOURCE_DECLARED, METRIC_DECLARED, METRIC_AMENDED, UNIT_DECLARED, PLACE_DECLARED, REPORT_FILED, REPORT_RETRACTED,
            REPORT_CONFIRMED, REPORT_REJECTED, ALIAS_DECLARED, MAPPING_SAVED);

    /** The ledger entry type of this fact. */
    String type();

    /** The idempotency key of the entry. */
    String clientId();

    record SourceDeclared(Source source) implements Fact {
        public String type() { return SOURCE_DECLARED; }
        public String clientId() { return "source:" + source.id(); }
    }

    record MetricDeclared(Metric metric) implements Fact {
        public String type() { return METRIC_DECLARED; }
        public String clientId() { return "metric:" + metric.id(); }
    }

    /**
     * A later version of a metric's declaration (names, added breakdowns), numbered from 2: in force
     * from its record time on, so what was published before keeps the words it had.
     */
    record MetricAmended(Metric metric, int revision) implements Fact {
        public String type() { return METRIC_AMENDED; }
        public String clientId() { return "metric:" + metric.id() + "@" + revision; }
    }

    record UnitDeclared(org.truce.catalog.Unit unit) implements Fact {
        public String type() { return UNIT_DECLARED; }
        public String clientId() { return "unit:" + unit.id(); }
    }

    /** A label intake reads as a catalog item (see {@link org.truce.catalog.Alias}). */
    record AliasDeclared(org.truce.catalog.Alias alias) implements Fact {
        public String type() { return ALIAS_DECLARED; }
        public String clientId() { return "alias:" + alias.key(); }
    }

    /** A revision of a saved column mapping of spreadsheet intake. */
    record MappingSaved(SheetMapping mapping) implements Fact {
        public String type() { return MAPPING_SAVED; }
        public String clientId() { return "mapping:" + mapping.name() + "@" + mapping.revision(); }
    }

    record PlaceDeclared(Place place) implements Fact {
        public String type() { return PLACE_DECLARED; }
        public String clientId() { return "place:" + place.id(); }
    }

    record ReportFiled(Report report) implements Fact {
        public String type() { return REPORT_FILED; }
        public String clientId() { return report.id(); }
    }

    record ReportRetracted(Retraction retraction) implements Fact {
        public String type() { return REPORT_RETRACTED; }
        public String clientId() { return retraction.id(); }
    }

    record ReportReviewed(ReviewDecision decision) implements Fact {
        public String type() { return decision.verdict().entryType(); }
        public String clientId() { return decision.id(); }
    }
}
