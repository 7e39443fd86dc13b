package org.truce.feedback;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One reader's message as the secretariat sees it — without the sender's email address, which no
 * read of the store returns. Immutable.
 *
 * @param answer the secretariat's answer, or null while held
 */
public record Feedback(String id, LocalDate bulletin, Kind kind, String name, String text, Instant receivedAt,
                       Status status, String answer, String answeredBy, Instant answeredAt) {

    public enum Kind { CORRECTION, QUESTION }

    /** HELD until the secretariat acts; ANSWERED keeps the answer internal; PUBLISHED shows question and answer. */
    public enum Status { HELD, ANSWERED, PUBLISHED, DISMISSED }
}
