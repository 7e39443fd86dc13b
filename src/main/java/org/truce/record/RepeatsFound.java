package org.truce.record;

import java.util.List;

/**
 * What a request's repeats break, by a capability's duplicate rule: a statement that repeats one in
 * the record (or earlier in the request) without saying so is refused as a repeat (409, naming the
 * first); a {@link DuplicateOf} that names nothing this statement repeats is an invalid input (422).
 * Immutable.
 *
 * @param unmarked repeats without {@code duplicateOf}, each pointing at the statement it repeats
 * @param wrong    {@code duplicateOf} that names no statement this one repeats
 */
public record RepeatsFound(List<Violation> unmarked, List<Violation> wrong) {
    public RepeatsFound {
        unmarked = List.copyOf(unmarked);
        wrong = List.copyOf(wrong);
    }
}
