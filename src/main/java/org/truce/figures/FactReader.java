package org.truce.figures;

import org.truce.record.DuplicateOf;
import org.truce.catalog.CatalogReader;
import org.truce.record.RecordReader;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Role;
import org.truce.catalog.Source;
import org.truce.record.Document;
import org.truce.record.Parsed;
import org.truce.record.Reading;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON form of each fact (the API contract, which is also the ledger payload) and checks its
 * shape: required fields, types, formats, enumerations, no unknown fields, no nesting beyond the
 * contract. Rules that depend on what the record already holds are {@link FactRules}. Stateless.
 */
public final class FactReader {
    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");
    private static final Set<String> REPORT_FIELDS = Set.of("id", "metric", "kind", "value", "qualifier",
            "breakdown", "asOf", "asOfPrecision", "since", "place", "source", "attribution", "attributionKind",
            "attributionLang", "document", "corrects", "retracts", "duplicateOf", "review", "spokesperson");
    private static final Set<String> REVIEW_FIELDS = Set.of("id", "report", "decision", "reason");
    /** A BCP 47 language tag as the record uses them: a language subtag, then optional script or region. */
    private static final java.util.regex.Pattern LANGUAGE_TAG =
            java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");
    private static final Set<String> RETRACTION_FIELDS = Set.of("id", "source", "retracts", "reason",
            "corrects");
    private static final Set<String> SOURCE_FIELDS = Set.of("id", "roles", "partOf", "names", "reportsOn",
            "forms");
    private static final Set<String> METRIC_FIELDS = Set.of("id", "unit", "breakdowns", "names", "revision");
    private static final Set<String> PLACE_FIELDS = Set.of("id", "kind", "administration", "parent", "names",
            "location", "overlaps");
    private static final Set<String> UNIT_FIELDS = Set.of("id", "names");
    private static final Set<String> ALIAS_FIELDS = Set.of("kind", "alias", "id");
    private static final Set<String> MAPPING_FIELDS = Set.of("name", "revision", "columns", "locale");
    /** A report's field as a mapping names it: {@code value}, {@code document.title}, {@code breakdown.children}. */
    private static final java.util.regex.Pattern MAPPED_FIELD = java.util.regex.Pattern.compile("[a-zA-Z]{1,32}(\\.[a-z][a-z0-9_]{0,63})?");

    private FactReader() {}

    /** A report, a correction, or a retraction (when {@code retracts} is present). */
    public static Parsed<Fact> readReport(JsonNode node, String at) {
        return readReport(node, at, new Reading());
    }

    static Parsed<Fact> readReport(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        boolean corrects = present(node, "corrects");
        if (present(node, "retracts")) {
            if (corrects) r.fail(at + "/retracts", "a report cannot both correct and retract; send one or the other");
            return readRetraction(node, at, r);
        }
        r.onlyFields(node, at, REPORT_FIELDS);
        String id = r.uuid(node, "id", at, true);
        String metric = r.id(node, "metric", at, true);
        ReportKind kind = enumOf(r, node, "kind", at, true, ReportKind::fromWire);
        BigDecimal value = value(r, node.get("value"), at + "/value");
        Qualifier qualifier = enumOf(r, node, "qualifier", at, false, Qualifier::fromWire);
        Map<String, BigDecimal> breakdown = breakdown(r, node.get("breakdown"), at + "/breakdown");
        var asOf = r.date(node, "asOf", at, true);
        DatePrecision precision = enumOf(r, node, "asOfPrecision", at, false, DatePrecision::fromWire);
        var since = r.date(node, "since", at, false);
        String place = r.id(node, "place", at, true);
        String source = r.id(node, "source", at, true);
        String attribution = r.text(node, "attribution", at, true);
        AttributionKind attributionKind = enumOf(r, node, "attributionKind", at, false, AttributionKind::fromWire);
        String attributionLang = attributionLang(r, node, at, attributionKind);
        Document document = RecordReader.document(r, node.get("document"), at + "/document");
        String corrected = corrects ? r.uuid(node, "corrects", at, true) : null;
        DuplicateOf duplicateOf = RecordReader.duplicateOf(r, node.get("duplicateOf"), at + "/duplicateOf");
        Review review = enumOf(r, node, "review", at, false, Review::fromWire);
        String spokesperson = r.name(node, "spokesperson", at, false);
        if (!r.ok()) return Parsed.of(null, r);
        if (since != null && since.isAfter(asOf)) r.fail(at + "/since", "must not be after asOf");
        Report report = new Report(id, metric, kind, value, qualifier == null ? Qualifier.EXACT : qualifier,
                breakdown, asOf, precision == null ? DatePrecision.DAY : precision, since, place, source,
                attribution, document, corrected, duplicateOf,
                attributionKind == null ? AttributionKind.PARAPHRASE : attributionKind, attributionLang,
                review == null ? Review.NONE : review, spokesperson);
        return Parsed.of(new Fact.ReportFiled(report), r);
    }

    /** The language of the attribution's words: required for a quote, since a quote is printed marked with it. */
    private static String attributionLang(Reading r, JsonNode node, String at, AttributionKind kind) {
        String lang = r.text(node, "attributionLang", at, false);
        if (lang == null) {
            if (kind == AttributionKind.QUOTE && !present(node, "attributionLang")) {
                r.fail(at + "/attributionLang", "is required when attributionKind is quote: the language of the quoted words, e.g. \"ru\"");
            }
            return null;
        }
        if (!LANGUAGE_TAG.matcher(lang).matches()) {
            r.fail(at + "/attributionLang", "must be a language tag such as en, ru, hy, az or de");
            return null;
        }
        return lang;
    }

    private static Parsed<Fact> readRetraction(JsonNode node, String at, Reading r) {
        r.onlyFields(node, at, RETRACTION_FIELDS);
        String id = r.uuid(node, "id", at, true);
        String source = r.id(node, "source", at, true);
        String retracts = r.uuid(node, "retracts", at, true);
        String reason = r.text(node, "reason", at, false);
        return Parsed.of(new Fact.ReportRetracted(new Retraction(id, source, retracts, reason)), r);
    }

    /** A second account's decision on a report awaiting review; a rejection says why. */
    public static Parsed<Fact> readReview(JsonNode node, String at) {
        return readReview(node, at, new Reading());
    }

    static Parsed<Fact> readReview(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, REVIEW_FIELDS);
        String id = r.uuid(node, "id", at, true);
        String report = r.uuid(node, "report", at, true);
        ReviewDecision.Verdict verdict = enumOf(r, node, "decision", at, true, ReviewDecision.Verdict::fromWire);
        String reason = r.text(node, "reason", at, false);
        if (verdict == ReviewDecision.Verdict.REJECTED && reason == null && r.ok()) {
            r.fail(at + "/reason", "is required when the decision is rejected: say what is wrong, for the transcriber");
        }
        return Parsed.of(new Fact.ReportReviewed(new ReviewDecision(id, report, verdict, reason)), r);
    }

    public static Parsed<Fact> readSource(JsonNode node, String at) {
        return readSource(node, at, new Reading());
    }

    static Parsed<Fact> readSource(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, SOURCE_FIELDS);
        String id = r.id(node, "id", at, true);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : r.ids(node.get("roles"), at + "/roles", true)) {
            try {
                roles.add(Role.fromWire(role));
            } catch (IllegalArgumentException e) {
                r.fail(at + "/roles", e.getMessage());
            }
        }
        String partOf = r.id(node, "partOf", at, false);
        Map<String, String> names = languageMap(r, node.get("names"), at + "/names");
        List<String> reportsOn = r.ids(node.get("reportsOn"), at + "/reportsOn", false);
        Map<String, Map<String, String>> forms = forms(r, node.get("forms"), at + "/forms");
        return Parsed.of(new Fact.SourceDeclared(new Source(id, roles, partOf, names, reportsOn, forms)), r);
    }

    public static Parsed<Fact> readMetric(JsonNode node, String at) {
        return readMetric(node, at, new Reading());
    }

    static Parsed<Fact> readMetric(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, METRIC_FIELDS);
        String id = r.id(node, "id", at, true);
        String unit = r.text(node, "unit", at, true);
        if (unit != null) r.identified(unit, at + "/unit"); // built-in or declared: FactRules
        List<String> breakdowns = r.ids(node.get("breakdowns"), at + "/breakdowns", false);
        Map<String, String> names = languageMap(r, node.get("names"), at + "/names");
        JsonNode revision = node.get("revision");
        if (revision == null || revision.isNull()) return Parsed.of(new Fact.MetricDeclared(new Metric(id, unit, breakdowns, names)), r);
        if (!revision.canConvertToInt() || !revision.isIntegralNumber() || revision.intValue() < 2) {
            r.fail(at + "/revision", "must be a whole number from 2 on: the version this amendment makes (the declaration is 1)");
            return Parsed.of(null, r);
        }
        return Parsed.of(new Fact.MetricAmended(new Metric(id, unit, breakdowns, names), revision.intValue()), r);
    }

    /** A unit with its words per language: ICU plural patterns on {@code n}, each checked to parse and to use {@code n}. */
    public static Parsed<Fact> readUnit(JsonNode node, String at) {
        return readUnit(node, at, new Reading());
    }

    static Parsed<Fact> readUnit(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, UNIT_FIELDS);
        String id = r.id(node, "id", at, true);
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode given = node.get("names");
        if (given == null || !given.isObject() || given.isEmpty()) {
            r.fail(at + "/names", "must be an object of language codes to plural patterns on n, with at least \"en\"");
            return Parsed.of(null, r);
        }
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            String p = at + "/names/" + Reading.escape(field.getKey());
            if (!field.getKey().matches("[a-z]{2,3}")) r.fail(p, "must be keyed by a language code such as en or ru");
            else if (!field.getValue().isTextual()) r.fail(p, "must be a plural pattern such as {n, plural, one {# patrol} other {# patrols}}");
            else {
                String problem = UnitPatterns.problem(field.getValue().asText(), field.getKey());
                if (problem != null) r.fail(p, problem);
                else names.put(field.getKey(), field.getValue().asText());
            }
        }
        if (r.ok() && !names.containsKey("en")) r.fail(at + "/names/en", "is required");
        return Parsed.of(new Fact.UnitDeclared(new org.truce.catalog.Unit(id, names)), r);
    }

    public static Parsed<Fact> readAlias(JsonNode node, String at) {
        return readAlias(node, at, new Reading());
    }

    static Parsed<Fact> readAlias(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, ALIAS_FIELDS);
        String kindText = r.text(node, "kind", at, true);
        org.truce.catalog.Alias.Kind kind = kindText == null ? null : org.truce.catalog.Alias.Kind.of(kindText);
        if (kindText != null && kind == null) r.fail(at + "/kind", "must be source, metric or place");
        String label = r.name(node, "alias", at, true);
        if (label != null && label.length() > org.truce.catalog.Alias.MAX_LABEL) {
            r.fail(at + "/alias", "must be at most " + org.truce.catalog.Alias.MAX_LABEL + " characters");
        } else if (label != null && org.truce.catalog.Alias.normal(label).isEmpty()) {
            r.fail(at + "/alias", "must hold a letter or a digit");
        }
        String id = r.id(node, "id", at, true);
        if (!r.ok()) return Parsed.of(null, r);
        return Parsed.of(new Fact.AliasDeclared(new org.truce.catalog.Alias(kind, label.strip(), id)), r);
    }

    public static Parsed<Fact> readMapping(JsonNode node, String at) {
        return readMapping(node, at, new Reading());
    }

    static Parsed<Fact> readMapping(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, MAPPING_FIELDS);
        String name = r.id(node, "name", at, true);
        int revision = 1;
        JsonNode given = node.get("revision");
        if (given != null && !given.isNull()) {
            if (!given.isIntegralNumber() || !given.canConvertToInt() || given.intValue() < 1) {
                r.fail(at + "/revision", "must be a whole number from 1 on: the version this save makes (1 for the first)");
            } else {
                revision = given.intValue();
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode cols = node.get("columns");
        if (cols == null || !cols.isObject() || cols.isEmpty()) {
            r.fail(at + "/columns", "must be an object of report fields to a header's text or a column letter, such as {\"value\": \"Количество\", \"asOf\": \"C\"}");
        } else {
            for (Map.Entry<String, JsonNode> c : cols.properties()) {
                String p = at + "/columns/" + Reading.escape(c.getKey());
                if (!MAPPED_FIELD.matcher(c.getKey()).matches()) r.fail(p, "must be keyed by a report's field such as value, asOf or document.title");
                else if (!c.getValue().isTextual() || c.getValue().asText().isBlank()) r.fail(p, "must be a header's text or a column letter");
                else if (c.getValue().asText().length() > org.truce.catalog.Alias.MAX_LABEL) r.fail(p, "must be at most " + org.truce.catalog.Alias.MAX_LABEL + " characters");
                else if (r.named(c.getValue().asText(), p)) columns.put(c.getKey(), c.getValue().asText().strip());
            }
        }
        String locale = r.text(node, "locale", at, false);
        if (locale != null && !LANGUAGE_TAG.matcher(locale).matches()) r.fail(at + "/locale", "must be a language tag such as ru or en-GB");
        if (!r.ok()) return Parsed.of(null, r);
        return Parsed.of(new Fact.MappingSaved(new SheetMapping(name, revision, columns, locale)), r);
    }

    public static Parsed<Fact> readPlace(JsonNode node, String at) {
        return readPlace(node, at, new Reading());
    }

    static Parsed<Fact> readPlace(JsonNode node, String at, Reading r) {
        if (!r.isObject(node, at)) return Parsed.of(null, r);
        r.onlyFields(node, at, PLACE_FIELDS);
        String id = r.id(node, "id", at, true);
        String kind = r.id(node, "kind", at, true);
        String administration = r.id(node, "administration", at, false);
        String parent = r.id(node, "parent", at, false);
        List<PlaceName> names = CatalogReader.placeNames(r, node.get("names"), at + "/names");
        Place.Point location = point(r, node.get("location"), at + "/location");
        List<String> overlaps = r.ids(node.get("overlaps"), at + "/overlaps", false);
        if (id != null && id.equals(parent)) r.fail(at + "/parent", "a place cannot be its own parent");
        return Parsed.of(new Fact.PlaceDeclared(new Place(id, kind, administration, parent, names, location, overlaps)), r);
    }

    private static boolean present(JsonNode node, String field) {
        return node.hasNonNull(field);
    }

    private interface WireParser<E> {
        E parse(String s);
    }

    private static <E> E enumOf(Reading r, JsonNode node, String field, String at, boolean required, WireParser<E> parser) {
        String s = r.text(node, field, at, required);
        if (s == null) return null;
        try {
            return parser.parse(s);
        } catch (IllegalArgumentException e) {
            r.fail(at + "/" + field, "must be " + e.getMessage().replaceFirst("^\\w+ must be ", ""));
            return null;
        }
    }

    private static BigDecimal value(Reading r, JsonNode node, String at) {
        BigDecimal v = r.decimal(node, at, true);
        if (v == null) return null;
        if (v.signum() < 0) {
            r.fail(at, "must not be negative");
            return null;
        }
        if (v.compareTo(MAX_VALUE) > 0) {
            r.fail(at, "must be at most " + MAX_VALUE.toPlainString());
            return null;
        }
        return normal(v);
    }

    static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static Map<String, BigDecimal> breakdown(Reading r, JsonNode node, String at) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) {
            r.fail(at, "must be an object of breakdown names to decimal numbers, e.g. {\"children\": 153}");
            return out;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String p = at + "/" + Reading.escape(field.getKey());
            if (field.getValue().isContainerNode()) {
                r.fail(p, "must be a number: breakdowns do not nest");
                continue;
            }
            BigDecimal v = value(r, field.getValue(), p);
            if (v != null) out.put(field.getKey(), v);
        }
        return out;
    }

    private static Map<String, String> languageMap(Reading r, JsonNode node, String at) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || !node.isObject() || node.isEmpty()) {
            r.fail(at, "must be an object of language codes to names with at least \"en\"");
            return out;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String p = at + "/" + Reading.escape(field.getKey());
            if (!field.getKey().matches("[a-z]{2,3}")) r.fail(p, "must be keyed by a language code such as en or ru");
            else if (!field.getValue().isTextual() || field.getValue().asText().isBlank()) r.fail(p, "must be a non-empty string");
            else if (r.named(field.getValue().asText(), p)) out.put(field.getKey(), field.getValue().asText());
        }
        if (!out.containsKey("en") && r.ok()) r.fail(at + "/en", "is required");
        return out;
    }

    /** {@code {"ru": {"gen": "Министерства обороны России"}}}: per language, the name in each of {@link Source#FORMS}. */
    private static Map<String, Map<String, String>> forms(Reading r, JsonNode node, String at) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) {
            r.fail(at, "must be an object of language codes to {form: name}, forms being " + Source.FORMS);
            return out;
        }
        for (Map.Entry<String, JsonNode> lang : node.properties()) {
            String p = at + "/" + Reading.escape(lang.getKey());
            if (!lang.getKey().matches("[a-z]{2,3}")) {
                r.fail(p, "must be keyed by a language code such as en or ru");
                continue;
            }
            if (!r.isObject(lang.getValue(), p)) continue;
            r.onlyFields(lang.getValue(), p, new java.util.HashSet<>(Source.FORMS));
            Map<String, String> byForm = new LinkedHashMap<>();
            for (String form : Source.FORMS) {
                String text = r.name(lang.getValue(), form, p, false);
                if (text != null && text.isBlank()) r.fail(p + "/" + form, "must be a non-empty string");
                else if (text != null) byForm.put(form, text);
            }
            out.put(lang.getKey(), byForm);
        }
        return out;
    }

    private static Place.Point point(Reading r, JsonNode node, String at) {
        if (node == null || node.isNull()) return null;
        if (!r.isObject(node, at)) return null;
        r.onlyFields(node, at, Set.of("lat", "lon"));
        BigDecimal lat = r.decimal(node.get("lat"), at + "/lat", true);
        BigDecimal lon = r.decimal(node.get("lon"), at + "/lon", true);
        if (lat == null || lon == null) return null;
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0) r.fail(at + "/lat", "must be between -90 and 90");
        if (lon.abs().compareTo(BigDecimal.valueOf(180)) > 0) r.fail(at + "/lon", "must be between -180 and 180");
        return new Place.Point(lat.doubleValue(), lon.doubleValue());
    }
}
