package org.truce.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;
import org.truce.privacy.Sealed;

/**
 * The cases projection, folded from the ledger: every case with its status history, the sealed
 * personal data of each entry that carried some, and each case's terms as the ledger holds them
 * (sealed since issue 16, in clear before). Sealed data stays sealed here: opening it needs the case's
 * key ({@link CaseRecorder}), so the projection is rebuilt from the ledger alone.
 * One writer (the ledger's applier) and any number of readers; a reader sees each case whole.
 */
public final class CaseBook implements Ledger.Listener {
    private final Map<String, CaseRecord> cases = new ConcurrentHashMap<>();
    private final Map<String, Sealed> sealed = new ConcurrentHashMap<>();
    private final Map<String, Sealed> sealedTerms = new ConcurrentHashMap<>();
    private final Map<String, List<PartyTerm>> clearTerms = new ConcurrentHashMap<>();
    private final Map<String, String> entryCase = new ConcurrentHashMap<>();
    private final Map<String, String> authors = new ConcurrentHashMap<>();

    @Override
    public Object prepare(Entry entry) {
        return entry.type().startsWith("case.") ? CaseReader.fromLedger(entry.type(), entry.payload()) : null;
    }

    @Override
    public void applied(Entry entry) {
        applied(entry, prepare(entry));
    }

    @Override
    public void applied(Entry entry, Object prepared) {
        if (!(prepared instanceof CaseFact fact)) return;
        entryCase.put(fact.clientId(), fact.caseId());
        authors.put(fact.clientId(), entry.author());
        if (fact instanceof CaseFact.Opened o) {
            var step = new CaseRecord.Step(o.id(), o.status(), o.date(), entry.seq(), entry.recordedAt(), entry.author(), o.personal() != null);
            // the terms first: a reader who finds the case finds its terms
            if (o.sealedTerms() != null) sealedTerms.put(o.id(), o.sealedTerms());
            else clearTerms.put(o.id(), o.terms());
            cases.put(o.id(), new CaseRecord(o.id(), o.kind(), o.source(), o.place(), entry.author(), List.of(step), null));
            if (o.personal() != null) sealed.put(o.id(), o.personal());
        } else if (fact instanceof CaseFact.StatusChanged s) {
            var step = new CaseRecord.Step(s.id(), s.status(), s.date(), entry.seq(), entry.recordedAt(), entry.author(), s.personal() != null);
            cases.computeIfPresent(s.caseId(), (k, c) -> c.with(step));
            if (s.personal() != null) sealed.put(s.id(), s.personal());
        } else {
            CaseFact.Erased e = (CaseFact.Erased) fact;
            cases.computeIfPresent(e.caseId(), (k, c) -> c.with(new CaseRecord.Erasure(e.id(), e.basis(), entry.seq(), entry.recordedAt())));
        }
    }

    public Optional<CaseRecord> find(String caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    /** Cases kept by {@code source} (all when null), of {@code kind} (all when null), in opening order. */
    public List<CaseRecord> list(String source, CaseKind kind) {
        List<CaseRecord> out = new ArrayList<>();
        for (CaseRecord c : cases.values()) {
            if ((source == null || source.equals(c.source())) && (kind == null || kind == c.kind())) out.add(c);
        }
        out.sort(Comparator.comparingLong(c -> c.steps().get(0).seq()));
        return out;
    }

    /** The sealed personal data written with entry {@code entryId}, if any. */
    public Optional<Sealed> sealedOf(String entryId) {
        return Optional.ofNullable(sealed.get(entryId));
    }

    /** The case's terms as sealed when it was opened; empty for a case opened before issue 16. */
    public Optional<Sealed> sealedTermsOf(String caseId) {
        return Optional.ofNullable(sealedTerms.get(caseId));
    }

    /** The case's terms in clear, as entries recorded before issue 16 hold them; empty otherwise. */
    Optional<List<PartyTerm>> clearTermsOf(String caseId) {
        return Optional.ofNullable(clearTerms.get(caseId));
    }

    /** Who wrote a case entry ("org/account"). */
    public Optional<String> authorOf(String entryId) {
        return Optional.ofNullable(authors.get(entryId));
    }

    /** The case an entry belongs to, if it is a case entry. */
    public Optional<String> caseOf(String entryId) {
        return Optional.ofNullable(entryCase.get(entryId));
    }
}
