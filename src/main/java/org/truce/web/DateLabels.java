package org.truce.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * Every day of a range with its long date in the reader's language, as JSON for a page's script:
 * browsers lack some locales' date data (Chromium writes "2021 M01 5" for Azerbaijani), while ICU
 * on the server has all five. Stateless.
 */
public final class DateLabels {
    /** Ranges longer than this are left to the browser's own formatter. */
    static final int MAX_DAYS = 3660;

    private DateLabels() {}

    /** @return {@code {"2020-11-10": "10 noyabr 2020", ...}}, or {@code {}} when a bound is missing or the range too long */
    public static String json(Ui ui, String first, String last) {
        ObjectNode out = Json.object();
        if (first == null || last == null || first.isEmpty() || last.isEmpty()) return out.toString();
        LocalDate from = LocalDate.parse(first);
        LocalDate to = LocalDate.parse(last);
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) return out.toString();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) out.put(d.toString(), ui.date(d));
        return out.toString();
    }
}
