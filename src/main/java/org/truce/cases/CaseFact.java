package org.truce.cases;

import java.time.LocalDate;
import java.util.List;
import org.truce.privacy.Sealed;

/**
 * The facts of the cases capability, one type per ledger entry type. Personal data is present only
 * sealed ({@link Sealed}); nothing here holds a name in clear. Immutable records.
 *
 * <p><b>What the public ledger holds of a case</b> (issue 16). Every ledger entry is public, so a case
 * entry carries in clear only what the public counts ({@link CaseFigures}) need to file it as an
 * increment report: {@code kind} and {@code status} (which count, up or down), {@code date} (the
 * report's as-of date, to the day), {@code place} and {@code source} (the series it is counted in:
 * the figures and bulletins count per catalog place and keeping body, so the place stays the one the
 * case names), and the entry {@code id} (the idempotency key and the report's id). A status change
 * also names its {@code case}, so that the projection can fold it and an erasure can name what it
 * erased. Everything else about the person is sealed under the case's data key: each party's
 * {@code terms} for the person (readable by analysts and custodians through the case routes) and the
 * {@code personal} data (custodians only). Sealed data is padded before sealing so that the
 * ciphertext's length does not tell which term was used. Entries recorded before issue 16 hold the
 * terms in clear; they are read as they are, never rewritten.
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
     * @param terms       what each party calls the person, in clear: from a request before it is
     *                    sealed, or from an entry recorded before issue 16; empty once sealed
     * @param sealedTerms the terms as the ledger holds them since issue 16, or null (a request, an older entry)
     * @param personal    the sealed names and identifying details, or null
     */
    record Opened(String id, CaseKind kind, String source, String place, LocalDate date, String status,
                  List<PartyTerm> terms, Sealed sealedTerms, Sealed personal) implements CaseFact {
        public Opened {
            terms = List.copyOf(terms);
        }

        public String type() { return OPENED; }
        public String clientId() { return id; }
        public String caseId() { return id; }

        Opened sealed(Sealed sealedTerms, Sealed personal) {
            return new Opened(id, kind, source, place, date, status, List.of(), sealedTerms, personal);
        }
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
