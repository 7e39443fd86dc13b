package org.truce.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Set;
import org.truce.record.Parsed;
import org.truce.record.Reading;

/**
 * Reads the body of a publishing request, {@code {"id"?, "date", "size"?}}: the date is required; the
 * client id and the checkpoint size are optional (the publisher chooses them). The root is never read:
 * the publisher computes it from the ledger. Stateless.
 */
public final class PublicationReader {
    private PublicationReader() {}

    /** What was asked; {@code id} and {@code size} are null when not given. */
    public record Asked(String id, LocalDate date, Long size) {}

    public static Parsed<Asked> read(JsonNode body) {
        Reading r = new Reading();
        if (!r.isObject(body, "")) return Parsed.of(null, r);
        r.onlyFields(body, "", Set.of("id", "date", "size"));
        String id = r.id(body, "id", "", false);
        LocalDate date = r.date(body, "date", "", true);
        Long size = null;
        JsonNode s = body.get("size");
        if (s != null && !s.isNull()) {
            if (s.isIntegralNumber() && s.canConvertToLong()) size = s.asLong();
            else r.fail("/size", "must be a whole number of ledger entries");
        }
        return Parsed.of(new Asked(id, date, size), r);
    }
}
