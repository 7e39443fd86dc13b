package org.truce.extract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.truce.figures.Qualifier;
import org.truce.figures.ReportKind;

/**
 * A figure proposed from one sentence, for a person to accept, edit or reject; nothing is recorded
 * from it until then. A field the sentence does not decide is null and named in {@code undecided},
 * never guessed. Immutable.
 *
 * @param start      the sentence's first character in the text
 * @param end        one past its last character
 * @param why        per field, the words it was read from
 * @param undecided  the fields left empty because the sentence does not decide them
 * @param confidence from 0 to 1: lower for each field undecided and for words far from the number
 */
public record Proposal(String metric, BigDecimal value, Qualifier qualifier, ReportKind kind, LocalDate since, LocalDate asOf,
                       String place, Map<String, BigDecimal> breakdown, String source, String sentence, int start, int end,
                       Map<String, String> why, List<String> undecided, double confidence) {
    public Proposal {
        breakdown = Map.copyOf(breakdown);
        why = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(why));
        undecided = List.copyOf(undecided);
    }

    /** The same figure in the name of a body cited elsewhere in its paragraph; a little less sure. */
    /** This proposal dated by another sentence of its paragraph, saying so; no longer undecided on its date. */
    Proposal withAsOf(LocalDate day, String words) {
        return decidedElsewhere("asOf", words, day, place);
    }

    /** This proposal placed by another sentence of its paragraph, saying so; no longer undecided on its place. */
    Proposal withPlace(String id, String words) {
        return decidedElsewhere("place", words, asOf, id);
    }

    private Proposal decidedElsewhere(String field, String words, LocalDate day, String placeId) {
        Map<String, String> w = new java.util.LinkedHashMap<>(why);
        w.put(field, words);
        List<String> still = new java.util.ArrayList<>(undecided);
        still.remove(field);
        return new Proposal(metric, value, qualifier, kind, since, day, placeId, breakdown, source, sentence, start, end, w, still,
                Math.min(1.0, Math.round((confidence + 0.1) * 100) / 100.0));
    }

    Proposal withSource(String id, String words) {
        Map<String, String> w = new java.util.LinkedHashMap<>(why);
        w.put("source", words);
        return new Proposal(metric, value, qualifier, kind, since, asOf, place, breakdown, id, sentence, start, end, w, undecided,
                Math.max(0.05, Math.round((confidence - 0.1) * 100) / 100.0));
    }

    Proposal withBreakdown(String name, BigDecimal value, String words) {
        Map<String, BigDecimal> b = new java.util.LinkedHashMap<>(breakdown);
        b.put(name, value);
        Map<String, String> w = new java.util.LinkedHashMap<>(why);
        w.put("breakdown." + name, words);
        return new Proposal(metric, this.value, qualifier, kind, since, asOf, place, b, source, sentence, start, end, w, undecided, confidence);
    }
}
