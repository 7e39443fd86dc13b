package org.truce.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one row of a sheet would become: the values read from it, the report it would send (its
 * {@code entry}), and either its status or every error found in it. Immutable.
 *
 * @param row      the row's number as the spreadsheet shows it (1-based)
 * @param values   field to the value read (ids, plain decimals, ISO dates)
 * @param entry    the report's JSON, as {@code POST /api/v1/reports} takes it; null when the row could not be read
 * @param probe    for a row that could not be read, its report with stand-ins for the cells in error, to
 *                 check the rest against the record in the same pass; never sent, never shown; else null
 * @param corrects the report a correction replaces, or the one an unchanged row already is; else null
 * @param note     a sentence on the status (which report an unchanged row already is), or null
 */
public record RowPreview(int row, Status status, Map<String, String> values, ObjectNode entry, ObjectNode probe, String corrects,
                         String note, List<CellError> errors) {
    /** What the row comes to. */
    public enum Status {
        /** It would add a report. */
        NEW,
        /** The record holds it already; nothing is sent. */
        UNCHANGED,
        /** It would replace the report of its key in force ({@code corrects}). */
        CORRECTION,
        /** It has errors; nothing of the file is written. */
        ERROR;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One error of a row: where (row number, column letter or null when no column holds the field, field) and why. */
    public record CellError(int row, String column, String field, String detail) {}

    public RowPreview {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        errors = List.copyOf(errors);
    }

    /** Whether the row is sent to the record (a new report or a correction). */
    public boolean sent() {
        return status == Status.NEW || status == Status.CORRECTION;
    }

    /** The fields in error already: a check of the row's {@link #probe} says nothing new of them. */
    public java.util.Set<String> fieldsInError() {
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (CellError e : errors) if (e.field() != null) fields.add(e.field());
        return fields;
    }

    /** The same row with more errors: it becomes an error row. */
    public RowPreview withErrors(List<CellError> more) {
        if (more.isEmpty()) return this;
        List<CellError> all = new ArrayList<>(errors);
        all.addAll(more);
        return new RowPreview(row, Status.ERROR, values, entry, probe, corrects, note, all);
    }
}
