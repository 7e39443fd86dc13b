package org.truce.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A table the API exports as CSV and XLSX: where its rows are in the JSON answer, which fields of the
 * answer's root repeat on every row, and its fixed columns. The columns never depend on the rows: an
 * empty table has the same header as a full one. Immutable.
 *
 * @param file       the name in the download's file name ({@code truce-<file>.csv})
 * @param rows       JSON pointer to the array of rows in the answer ("" when the answer is the array)
 * @param rootFields columns read from the answer's root rather than from each row
 */
record ExportTable(String file, String rows, List<String> rootFields, List<Column> columns) {
    ExportTable {
        rootFields = List.copyOf(rootFields);
        columns = List.copyOf(columns);
        if (columns.stream().map(Column::name).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("table " + file + " declares a column twice");
        }
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    List<String> tags() {
        return columns.stream().map(Column::tag).toList();
    }

    static Builder of(String file, String rows, String nameTag) {
        return new Builder(file, rows, nameTag);
    }

    /** Declares a table column by column; a column's hashtag is {@link Hxl#tag} of its name unless given. */
    static final class Builder {
        private final String file;
        private final String rows;
        private final String nameTag;
        private final List<String> root = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();

        private Builder(String file, String rows, String nameTag) {
            this.file = file;
            this.rows = rows;
            this.nameTag = nameTag;
        }

        Builder col(String name, Column.Type type, String meaning) {
            columns.add(new Column(name, Hxl.tag(name, nameTag), type, meaning));
            return this;
        }

        /** A column taken from the answer's root, the same on every row. */
        Builder root(String name, Column.Type type, String meaning) {
            root.add(name);
            return col(name, type, meaning);
        }

        /** The five names of a catalog item, one column per language of the record. */
        Builder names(String what) {
            for (Language l : Language.values()) col("names." + l.code(), Column.Type.TEXT, "the name of the " + what + " in " + l.code());
            return this;
        }

        /** The cited document's four fields. */
        Builder document(String prefix, String of) {
            col(prefix + ".title", Column.Type.TEXT, "the title of the document " + of);
            col(prefix + ".publisher", Column.Type.TEXT, "the publisher of the document " + of);
            col(prefix + ".date", Column.Type.DATE, "the date of the document " + of);
            return col(prefix + ".url", Column.Type.TEXT, "the address of the document " + of);
        }

        ExportTable build() {
            return new ExportTable(file, rows, root, columns);
        }
    }
}
