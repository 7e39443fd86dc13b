package org.truce.web.desk;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the desk's page of figures from a text shows: the text with each proposal's sentence marked,
 * one card per proposal (its fields as an editable report form, why each was read, what the text left
 * undecided, whether it is recorded already), and the sentences whose numbers nothing read; and what
 * the page carries from one step to the next (the text, its language, the document, the proposals
 * rejected). Immutable.
 */
public record TextDraftsView(String lang, List<Segment> segments, List<Card> cards, List<Unread> notUnderstood,
                             Map<String, String> carried) {
    /** A stretch of the text: plain, or the sentence of the proposals numbered {@code marks} (1-based). */
    public record Segment(String text, List<Integer> marks) {}

    /**
     * A proposal: its number on the page, its id (the report's id when recorded), the report form's
     * values, the words behind each field, the fields the text left undecided, its confidence, the
     * report recorded from it (or null), and the errors the write path named per field.
     */
    public record Card(int number, String id, Map<String, String> values, Map<String, String> why, Set<String> undecided,
                       double confidence, String recorded, Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean is(String field, String v) {
            return value(field).equals(v);
        }
    }

    /** A sentence whose numbers no rule read. */
    public record Unread(String sentence, List<String> numbers) {}

    public TextDraftsView {
        segments = List.copyOf(segments);
        cards = List.copyOf(cards);
        notUnderstood = List.copyOf(notUnderstood);
        carried = Map.copyOf(carried);
    }
}
