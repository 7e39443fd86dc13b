package org.truce.ingest;

import org.truce.catalog.Alias;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;

/**
 * Turns the rows of a sheet into the reports they say, row by row: reads each cell by its column's
 * field in the sheet's locale ({@link LocaleNumbers}, {@link LocaleDates}, {@link Qualifiers}),
 * names catalog items by {@link Labels}, gives each row its stable id ({@link RowIds}) and decides
 * what it comes to against the record: new, unchanged, a correction of the report of its key (when
 * the caller allows corrections), or an error. Every error of a row is collected, not only the first.
 * The record's own rules are not applied here: the write path checks the entries. Immutable;
 * thread-safe when the book is.
 */
public final class ImportPlan {
    /** The fields every row needs, from a column or from the file. */
    public static final List<String> REQUIRED = List.of("metric", "value", "asOf", "place", "source", "attribution");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The stand-in of a catalog id that did not read (no catalog item has it: ids are lower case). */
    static final String UNREAD = "unread-cell";
    private static final LocalDate STAND_IN_DATE = LocalDate.of(2000, 1, 1);
    private final FigureBook book;
    private final Labels labels;
    private final Qualifiers words = Qualifiers.standard();

    /** The reports awaiting a second account's review, by key: a changed row changes them as it would a report in force. */
    private final Map<String, List<Filed>> awaiting = new java.util.HashMap<>();

    public ImportPlan(FigureBook book, Labels labels) {
        this.book = book;
        this.labels = labels;
        for (Filed f : book.awaitingReview()) {
            Report r = f.report();
            awaiting.computeIfAbsent(RowIds.key(r.metric(), r.source(), r.place(), r.asOf(), r.kind()), k -> new ArrayList<>()).add(f);
        }
    }

    /**
     * @throws Unreadable when a required field has neither a column nor a value for the whole file
     */
    public List<RowPreview> rows(Sheet sheet, ColumnMapping mapping, ImportOptions options) {
        List<String> missing = REQUIRED.stream()
                .filter(f -> !mapping.columns().containsKey(f) && !options.defaults().containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new Unreadable("columns", "no column for " + String.join(", ", missing) + " (found "
                    + (mapping.columns().isEmpty() ? "none" : mapping.columns().keySet()) + "); name the columns in a header row"
                    + " or an HXL tag row, use a saved mapping, or give the value for the whole file");
        }
        String locale = options.locale() != null ? options.locale() : mapping.language();
        Reading reading = new Reading(mapping, options, new LocaleNumbers(locale), new LocaleDates(locale));
        List<RowPreview> out = new ArrayList<>();
        for (int i = mapping.firstData(); i < sheet.rows().size(); i++) {
            Sheet.Row row = sheet.rows().get(i);
            if (row.blank()) continue;
            out.add(reading.row(row));
        }
        return oncePerKey(out, mapping);
    }

    /**
     * One report per key (metric, source, place, as-of date, kind) in one file: a row that repeats an
     * earlier row exactly is sent once; one that says something else for the same key is an error
     * naming the earlier row, since which of the two the body said is for a person to decide.
     */
    private static List<RowPreview> oncePerKey(List<RowPreview> rows, ColumnMapping mapping) {
        Map<String, RowPreview> first = new java.util.HashMap<>();
        List<RowPreview> out = new ArrayList<>(rows.size());
        for (RowPreview r : rows) {
            ObjectNode e = r.entry();
            if (e == null) {
                out.add(r);
                continue;
            }
            String key = RowIds.key(e.get("metric").asText(), e.get("source").asText(), e.get("place").asText(),
                    LocalDate.parse(e.get("asOf").asText()), ReportKind.fromWire(e.get("kind").asText()));
            RowPreview earlier = first.putIfAbsent(key, r);
            if (earlier == null) {
                out.add(r);
            } else if (earlier.entry().path("id").equals(e.path("id"))) {
                out.add(r.status() == RowPreview.Status.ERROR ? r : new RowPreview(r.row(), RowPreview.Status.UNCHANGED, r.values(), e, null,
                        null, "repeats row " + earlier.row() + " of this file; recorded once", List.of()));
            } else {
                out.add(r.withErrors(List.of(new RowPreview.CellError(r.row(), mapping.letter("value"), "value", "row " + earlier.row()
                        + " of this file gives the same metric, source, place, date and kind with other content ("
                        + earlier.entry().path("value").asText() + "); a file holds one report per key: keep the one the body said"))));
            }
        }
        return out;
    }

    /** The reading of one sheet's rows with its mapping, options and locale. */
    private final class Reading {
        private final ColumnMapping mapping;
        private final ImportOptions options;
        private final LocaleNumbers numbers;
        private final LocaleDates dates;

        Reading(ColumnMapping mapping, ImportOptions options, LocaleNumbers numbers, LocaleDates dates) {
            this.mapping = mapping;
            this.options = options;
            this.numbers = numbers;
            this.dates = dates;
        }

        RowPreview row(Sheet.Row row) {
            Cells cells = new Cells(row);
            String metric = cells.read("metric", c -> labels.id(Alias.Kind.METRIC, c.text()));
            String source = cells.read("source", c -> labels.id(Alias.Kind.SOURCE, c.text()));
            String place = cells.read("place", c -> labels.id(Alias.Kind.PLACE, c.text()));
            ReportKind kind = cells.has("kind") ? cells.read("kind", c -> words.kind(c.text())) : ReportKind.TOTAL;
            Qualifier[] said = new Qualifier[1];
            BigDecimal value = cells.read("value", c -> {
                if (c.number() != null) return c.number();
                Qualifiers.Split split = words.split(c.text());
                said[0] = split.qualifier();
                return numbers.parse(split.number());
            });
            Qualifier qualifier = qualifier(cells, said[0]);
            // a qualifier said in words in the value cell is shown as read, like a qualifier column's
            if (qualifier != null && qualifier != Qualifier.EXACT) cells.values.putIfAbsent("qualifier", qualifier.wire());
            LocalDate asOf = cells.read("asOf", dates::parse);
            LocalDate since = cells.optional("since", dates::parse);
            Map<String, BigDecimal> breakdown = new LinkedHashMap<>();
            for (String f : mapping.columns().keySet()) {
                if (!f.startsWith("breakdown.")) continue;
                BigDecimal b = cells.optional(f, c -> c.number() != null ? c.number() : numbers.parse(c.text()));
                if (b != null) breakdown.put(f.substring(10), b);
            }
            String attribution = cells.optional("attribution", Sheet.Cell::text);
            if (attribution == null && cells.values.get("attribution") == null) {
                cells.fail("attribution", "is empty; the body's words (or their summary) are required");
            }
            boolean read = cells.errors.isEmpty();
            // a row with errors is still checked against the record, with stand-ins for what did not read,
            // so that its other errors show in the same pass; the stand-ins' own violations are dropped
            ObjectNode entry = JSON.objectNode();
            entry.put("metric", or(metric, UNREAD)).put("kind", (kind == null ? ReportKind.TOTAL : kind).wire())
                    .put("value", value == null ? BigDecimal.ZERO : value).put("qualifier", (qualifier == null ? Qualifier.EXACT : qualifier).wire());
            if (!breakdown.isEmpty()) {
                ObjectNode b = entry.putObject("breakdown");
                breakdown.forEach(b::put);
            }
            entry.put("asOf", (asOf == null ? STAND_IN_DATE : asOf).toString());
            text(cells, entry, "asOfPrecision");
            if (since != null && asOf != null) entry.put("since", since.toString());
            entry.put("place", or(place, UNREAD)).put("source", or(source, UNREAD)).put("attribution", or(attribution, UNREAD));
            text(cells, entry, "attributionKind");
            text(cells, entry, "attributionLang");
            document(cells, entry);
            read = read && cells.errors.isEmpty();
            String given = cells.optional("id", Sheet.Cell::text);
            String id = given != null ? given.trim().toLowerCase(java.util.Locale.ROOT)
                    : RowIds.id(RowIds.key(entry.get("metric").asText(), entry.get("source").asText(), entry.get("place").asText(),
                            LocalDate.parse(entry.get("asOf").asText()), ReportKind.fromWire(entry.get("kind").asText())), entry);
            ObjectNode sent = JSON.objectNode().put("id", id);
            sent.setAll(entry);
            if (!read) return new RowPreview(row.number(), RowPreview.Status.ERROR, cells.values, null, sent, null, null, cells.errors);
            return decide(row.number(), cells, sent, id, metric, source, place, asOf, kind);
        }

        private static String or(String value, String standIn) {
            return value != null ? value : standIn;
        }

        private Qualifier qualifier(Cells cells, Qualifier said) {
            Qualifier column = cells.has("qualifier") ? cells.read("qualifier", c -> words.qualifier(c.text())) : null;
            if (column == null || column == Qualifier.EXACT) return said == null ? (column == null ? Qualifier.EXACT : column) : said;
            if (said != null && said != Qualifier.EXACT && said != column) {
                cells.fail("value", "says " + said.wire() + " but the qualifier column says " + column.wire());
            }
            return column;
        }

        private void text(Cells cells, ObjectNode entry, String field) {
            String t = cells.optional(field, Sheet.Cell::text);
            if (t != null) entry.put(field, t.trim());
        }

        private void document(Cells cells, ObjectNode entry) {
            String title = cells.optional("document.title", Sheet.Cell::text);
            String publisher = cells.optional("document.publisher", Sheet.Cell::text);
            LocalDate date = cells.optional("document.date", dates::parse);
            String url = cells.optional("document.url", Sheet.Cell::text);
            if (title == null && publisher == null && date == null && url == null) return;
            ObjectNode d = entry.putObject("document");
            if (title != null) d.put("title", title.trim());
            if (publisher != null) d.put("publisher", publisher.trim());
            if (date != null) d.put("date", date.toString());
            if (url != null) d.put("url", url.trim());
        }

        /** New, unchanged, a correction of the report of its key in force, or an error naming that report. */
        private RowPreview decide(int number, Cells cells, ObjectNode entry, String id, String metric, String source,
                                  String place, LocalDate asOf, ReportKind kind) {
            if (book.report(id).isPresent()) {
                return new RowPreview(number, RowPreview.Status.UNCHANGED, cells.values, entry, null, null,
                        "already recorded as report " + id, List.of());
            }
            List<Filed> held = new ArrayList<>(book.inForce(metric, source, place, asOf, kind));
            held.addAll(awaiting.getOrDefault(RowIds.key(metric, source, place, asOf, kind), List.of()));
            for (Filed f : held) {
                if (sameContent(f.report(), entry)) {
                    return new RowPreview(number, RowPreview.Status.UNCHANGED, cells.values, entry, null, f.report().id(),
                            "the record already says this as report " + f.report().id(), List.of());
                }
            }
            if (held.isEmpty()) return new RowPreview(number, RowPreview.Status.NEW, cells.values, entry, null, null, null, List.of());
            String others = String.join(", ", held.stream().map(f -> f.report().id() + " (" + f.report().value().toPlainString()
                    + (f.awaitingReview() ? ", awaiting review" : "") + ")").toList());
            if (held.size() > 1) {
                cells.fail("value", "would change the report of this source, metric, place, date and kind, but "
                        + held.size() + " are in force: " + others + "; correct one of them by its id through the API");
            } else if (!options.corrections()) {
                cells.fail("value", "would change report " + others + " of this source, metric, place, date and kind;"
                        + " to record this row as its correction, import with corrections=true");
            } else {
                String old = held.get(0).report().id();
                entry.put("corrects", old);
                return new RowPreview(number, RowPreview.Status.CORRECTION, cells.values, entry, null, old, null, List.of());
            }
            return new RowPreview(number, RowPreview.Status.ERROR, cells.values, entry, entry, null, null, cells.errors);
        }

        private boolean sameContent(Report r, ObjectNode entry) {
            if (r.value().compareTo(entry.get("value").decimalValue()) != 0) return false;
            if (!r.qualifier().wire().equals(entry.get("qualifier").asText())) return false;
            Map<String, BigDecimal> b = new LinkedHashMap<>();
            entry.path("breakdown").properties().forEach(e -> b.put(e.getKey(), e.getValue().decimalValue()));
            if (b.size() != r.breakdown().size()) return false;
            for (var e : b.entrySet()) {
                BigDecimal other = r.breakdown().get(e.getKey());
                if (other == null || other.compareTo(e.getValue()) != 0) return false;
            }
            return true;
        }

        /** The cells of one row as read so far: values shown, errors found. */
        private final class Cells {
            private final Sheet.Row row;
            final Map<String, String> values = new LinkedHashMap<>();
            final List<RowPreview.CellError> errors = new ArrayList<>();

            Cells(Sheet.Row row) {
                this.row = row;
            }

            boolean has(String field) {
                return mapping.columns().containsKey(field) || options.defaults().containsKey(field);
            }

            /** The cell of a field, from its column or the file's value; null when the field has neither or is blank. */
            private Sheet.Cell cell(String field) {
                Integer c = mapping.columns().get(field);
                if (c != null && !row.cell(c).blank()) return row.cell(c);
                String d = options.defaults().get(field);
                return d == null ? null : Sheet.Cell.text(d);
            }

            <T> T read(String field, java.util.function.Function<Sheet.Cell, T> parse) {
                Sheet.Cell c = cell(field);
                if (c == null) {
                    fail(field, "is empty; it is required");
                    return null;
                }
                return parsed(field, c, parse);
            }

            <T> T optional(String field, java.util.function.Function<Sheet.Cell, T> parse) {
                Sheet.Cell c = cell(field);
                return c == null ? null : parsed(field, c, parse);
            }

            private <T> T parsed(String field, Sheet.Cell c, java.util.function.Function<Sheet.Cell, T> parse) {
                try {
                    T v = parse.apply(c);
                    values.put(field, v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v instanceof ReportKind k ? k.wire()
                            : v instanceof Qualifier q ? q.wire() : v));
                    return v;
                } catch (BadCell e) {
                    values.put(field, c.text());
                    fail(field, e.getMessage());
                    return null;
                }
            }

            void fail(String field, String detail) {
                errors.add(new RowPreview.CellError(row.number(), mapping.letter(field), field, detail));
            }
        }
    }
}
