package org.truce.figures;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved column mapping of spreadsheet intake, by name: which column holds which field of a report
 * (a header's text or a column letter), and the sheets' locale when they do not tell. Saving a
 * mapping again under its name makes its next revision, in force from then on; every revision stays
 * in the ledger. Immutable.
 *
 * @param name     a neutral identifier ({@code unhcr-weekly})
 * @param revision 1 for the first save, then 2, 3 ...
 * @param columns  report field ({@code metric}, {@code value}, {@code document.title} ...) to header text or column letter
 * @param locale   the sheets' language tag ({@code ru}), or null to tell it from their headers
 */
public record SheetMapping(String name, int revision, Map<String, String> columns, String locale) {
    public SheetMapping {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
