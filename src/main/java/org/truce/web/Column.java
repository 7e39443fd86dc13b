package org.truce.web;

import java.util.Locale;

/**
 * One fixed column of an exported table: its name (the JSON field, dotted when nested), its HXL 1.1
 * hashtag, the type its cells hold and what it means. The data dictionary of the exports is the list
 * of these. Immutable.
 */
record Column(String name, String tag, Type type, String meaning) {
    /** What a cell holds: an XLSX cell of a number is numeric, of a date or instant a date cell. */
    enum Type {
        TEXT, NUMBER, DATE, INSTANT, BOOLEAN;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Column {
        if (!tag.matches("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*")) throw new IllegalArgumentException("not an HXL hashtag: " + tag);
        if (meaning.isBlank()) throw new IllegalArgumentException("column " + name + " must say what it means");
    }
}
