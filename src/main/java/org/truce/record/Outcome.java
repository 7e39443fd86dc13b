package org.truce.record;

import java.util.List;
import org.truce.ledger.AppendResult;

/**
 * What became of a write request: refused with the reasons (nothing written), or appended. Every
 * capability's recorder answers one, so one write path answers them all alike. Immutable.
 */
public sealed interface Outcome {
    /**
     * Nothing was written: the input broke the record's rules, or (with {@code repeat}) it repeats
     * what the record holds without saying so; an API answers the latter 409.
     */
    record Refused(List<Violation> violations, boolean repeat) implements Outcome {
        public Refused(List<Violation> violations) {
            this(violations, false);
        }
    }

    record Done(AppendResult result) implements Outcome {}
}
