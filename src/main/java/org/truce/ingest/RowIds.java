package org.truce.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.truce.figures.ReportKind;

/**
 * The stable id of a spreadsheet row's report: a name-based UUID (RFC 9562 version 3) of the row's
 * key (metric, source, place, as-of date, kind) and its content (the report without id and
 * {@code corrects}, as RFC 8785 canonical JSON). The same row uploaded again has the same id, which
 * the ledger answers as a retry; a changed row has another. Stateless.
 */
public final class RowIds {
    private static final String SPACE = "truce/import/report/v1\n";

    private RowIds() {}

    public static String key(String metric, String source, String place, LocalDate asOf, ReportKind kind) {
        return metric + "\n" + source + "\n" + place + "\n" + asOf + "\n" + kind.wire();
    }

    /** @param content the report as it would be sent, without {@code id} and {@code corrects} */
    public static String id(String key, ObjectNode content) {
        ObjectNode c = content.deepCopy();
        c.remove("id");
        c.remove("corrects");
        String canonical;
        try {
            canonical = new JsonCanonicalizer(c.toString()).getEncodedString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a report's JSON did not canonicalise", e);
        }
        return UUID.nameUUIDFromBytes((SPACE + key + "\n" + canonical).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
