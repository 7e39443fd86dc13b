package org.truce.places;

import java.time.LocalDate;
import org.truce.record.Document;

/**
 * A source's report of a point's status from a date on: a checkpoint or crossing open, closed or
 * restricted; a heritage site's condition. Reports of different sources stand side by side. Immutable.
 */
public record StatusReport(String id, String feature, String status, LocalDate from, String source, Document document) {
    public static java.util.List<String> statusesOf(String cls) {
        return switch (cls) {
            case "checkpoint", "border_crossing" -> java.util.List.of("open", "closed", "restricted");
            case "heritage_site" -> java.util.List.of("undamaged", "damaged", "destroyed", "unknown");
            default -> java.util.List.of();
        };
    }
}
