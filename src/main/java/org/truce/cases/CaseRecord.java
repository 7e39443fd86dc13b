package org.truce.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One case as the ledger has it: who keeps it, every status with its date and entry, and whether its
 * personal data was erased. Holds no personal data, not even sealed, nor what the parties call the
 * person ({@link CaseRecorder#terms} opens those). Immutable; each change makes a new record.
 *
 * @param author the account that opened it ("org/account")
 */
public record CaseRecord(String id, CaseKind kind, String source, String place, String author, List<Step> steps, Erasure erasure) {
    public CaseRecord {
        steps = List.copyOf(steps);
    }

    /** One status the case reached; {@code personal} says whether sealed details came with it. */
    public record Step(String entryId, String status, LocalDate date, long seq, Instant recordedAt, String author,
                       boolean personal) {}

    public record Erasure(String entryId, String basis, long seq, Instant recordedAt) {}

    public Step current() {
        return steps.get(steps.size() - 1);
    }

    public boolean erased() {
        return erasure != null;
    }

    CaseRecord with(Step step) {
        List<Step> more = new ArrayList<>(steps);
        more.add(step);
        return new CaseRecord(id, kind, source, place, author, more, erasure);
    }

    CaseRecord with(Erasure e) {
        return new CaseRecord(id, kind, source, place, author, steps, e);
    }
}
