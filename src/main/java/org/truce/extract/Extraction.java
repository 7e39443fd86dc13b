package org.truce.extract;

import java.util.List;

/**
 * What a text yields: its language, the figures proposed, and every sentence with a number that
 * matched no metric ("not understood"), so that nothing is silently dropped. Immutable.
 */
public record Extraction(String lang, boolean langDetected, List<Proposal> proposals, List<Unread> notUnderstood) {
    /** A sentence with numbers no rule read: where it is and the numbers as written. */
    public record Unread(String sentence, int start, int end, List<String> numbers) {}

    public Extraction {
        proposals = List.copyOf(proposals);
        notUnderstood = List.copyOf(notUnderstood);
    }
}
