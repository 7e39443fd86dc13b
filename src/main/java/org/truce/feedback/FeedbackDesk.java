package org.truce.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.truce.accounts.AttemptCounters;
import org.truce.record.Violation;

/**
 * Receives readers' messages and the secretariat's decisions on them. A message needs the bulletin's
 * date, its kind, a name, an email address and plain text; each address (an IPv6 /64 counted as one)
 * may send {@link #PER_ADDRESS} messages per {@link #WINDOW}. Nothing is stored when a message is
 * refused. Thread-safe.
 */
public final class FeedbackDesk {
    public static final int PER_ADDRESS = 10;
    public static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_TEXT = 4000;
    static final int MAX_ANSWER = 4000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    // Plain text only: markup is refused rather than silently stripped, so what is kept is what was sent.
    private static final Pattern MARKUP = Pattern.compile("<\\s*[/!a-zA-Z]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private final FeedbackStore store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final SendingThrottle throttle;

    /** Messages counted against their senders in {@code counters} (shared by every node that shares them). */
    public FeedbackDesk(FeedbackStore store, AttemptCounters counters, Clock clock, Supplier<String> ids) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.throttle = new SendingThrottle(clock, counters, PER_ADDRESS, WINDOW);
    }

    /** What became of a message. */
    public sealed interface Outcome {
        record Received(String id) implements Outcome {}

        record Refused(List<Violation> violations) implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}
    }

    public Outcome receive(Submission s, String address) {
        List<Violation> errors = new ArrayList<>();
        LocalDate bulletin = date(s.bulletin(), errors);
        Feedback.Kind kind = kind(s.kind(), errors);
        String name = text(s.name(), "/name", 100, errors);
        String email = email(s.email(), errors);
        String text = text(s.text(), "/text", MAX_TEXT, errors);
        if (!errors.isEmpty()) return new Outcome.Refused(errors);
        Optional<Duration> wait = throttle.admit(address);
        if (wait.isPresent()) return new Outcome.Throttled(wait.get());
        String id = ids.get();
        store.add(id, bulletin, kind, name, email, text, clock.instant());
        return new Outcome.Received(id);
    }

    /**
     * The secretariat answers (kept internal), publishes (question and answer shown to all) or
     * dismisses a message. Empty when the decision is accepted.
     */
    public Optional<List<Violation>> decide(String id, String status, String answer, String by) {
        List<Violation> errors = new ArrayList<>();
        Feedback.Status decided = null;
        try {
            decided = status == null ? null : Feedback.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            decided = null;
        }
        if (decided == null || decided == Feedback.Status.HELD) {
            errors.add(new Violation("/status", "must be answered, published or dismissed"));
        }
        String clean = decided == Feedback.Status.DISMISSED && (answer == null || answer.isBlank())
                ? null : text(answer, "/answer", MAX_ANSWER, errors);
        if (!errors.isEmpty()) return Optional.of(errors);
        if (!store.decide(id, decided, clean, by, clock.instant())) {
            return Optional.of(List.of(new Violation("/id", "no message " + id)));
        }
        return Optional.empty();
    }

    public List<Feedback> list(Feedback.Status status, int limit) {
        return store.list(status, limit);
    }

    private static LocalDate date(String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation("/bulletin", "is required: the date of the bulletin the message is about"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Violation("/bulletin", "must be a date like 2021-01-11"));
            return null;
        }
    }

    private static Feedback.Kind kind(String value, List<Violation> errors) {
        if (value != null) {
            for (Feedback.Kind k : Feedback.Kind.values()) if (k.name().equalsIgnoreCase(value.strip())) return k;
        }
        errors.add(new Violation("/kind", "must be correction or question"));
        return null;
    }

    private static String email(String value, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation("/email", "is required (it is never shown or exported)"));
            return null;
        }
        String v = value.strip();
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            errors.add(new Violation("/email", "must be an email address like name@example.org"));
            return null;
        }
        return v;
    }

    private static String text(String value, String pointer, int max, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(pointer, "is required"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) errors.add(new Violation(pointer, "must have at most " + max + " characters"));
        else if (CONTROL.matcher(v).find()) errors.add(new Violation(pointer, "must be plain text without control characters"));
        else if (MARKUP.matcher(v).find()) errors.add(new Violation(pointer, "must be plain text: no HTML or other markup"));
        else return v;
        return null;
    }
}
