package org.truce.cases;

import java.time.LocalDate;
import java.util.List;
import org.truce.privacy.Sealed;

/**
 * The facts of the cases capability, one type per ledger entry type. Personal data is present only
 * sealed ({@link Sealed}); nothing here holds a name in clear. Immutable records.
 */
public sealed interface CaseFact {
    String OPENED = "case.opened";
    String STATUS = "case.status";
    String ERASED = "case.erased";
    /** Every entry type of this capability. */
    java.util.Set<String> TYPES = java.util.Set.of(OPENED, STATUS, ERASED);

    String type();

    /** The entry's client id (idempotency key). */
    String clientId();

    /** The case this fact belongs to. */
    String caseId();

    /**
     * A case is opened by the body that keeps it ({@code source}), with its first status.
     *
     * @param personal the sealed names and identifying details, or null
     */
    record Opened(String id, CaseKind kind, String source, String place, LocalDate date, String status,
                  List<PartyTerm> terms, Sealed personal) implements CaseFact {
        public Opened {
            terms = List.copyOf(terms);
        }

        public String type() { return OPENED; }
        public String clientId() { return id; }
        public String caseId() { return id; }
    }

    /**
     * The case reached a new status on {@code date}. Kind, place and source repeat the case's so that
     * the entry alone says what it counts for.
     */
    record StatusChanged(String id, String caseId, CaseKind kind, String place, String source, String status,
                         LocalDate date, Sealed personal) implements CaseFact {
        public String type() { return STATUS; }
        public String clientId() { return id; }
    }

    /** The case's data key was destroyed on a lawful request; {@code basis} cites it (no personal data). */
    record Erased(String id, String caseId, String basis) implements CaseFact {
        public String type() { return ERASED; }
        public String clientId() { return id; }
    }
}
