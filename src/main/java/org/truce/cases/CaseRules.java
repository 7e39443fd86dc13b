package org.truce.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.catalog.Catalog;
import org.truce.record.Violation;

/**
 * Checks a case fact against the record: the catalog knows its source, place and parties; a status
 * belongs to the case's kind and is reached once; a missing person's case starts as reported; dates
 * lie between 1900 and today and not before the case was opened; erased cases take no new personal
 * data. Messages never repeat personal data. Stateless over the projections it reads.
 */
final class CaseRules {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private final CaseBook cases;
    private final Catalog figures;

    CaseRules(CaseBook cases, Catalog figures) {
        this.cases = cases;
        this.figures = figures;
    }

    List<Violation> check(CaseFact fact, boolean personal, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (fact instanceof CaseFact.Opened o) {
            known("source", o.source(), "/source", v);
            known("place", o.place(), "/place", v);
            for (int i = 0; i < o.terms().size(); i++) known("source", o.terms().get(i).party(), "/terms/" + i + "/party", v);
            status(o.kind(), o.status(), null, o.id(), v);
            if (o.kind() == CaseKind.MISSING && !"reported".equals(o.status())) {
                v.add(new Violation("/status", "a missing person's case is opened as reported"));
            }
            date(o.date(), null, today, v);
            Optional<CaseRecord> existing = cases.find(o.id());
            if (existing.isPresent() && existing.get().erased()) v.add(new Violation("/id", "names a case whose personal data was erased"));
        } else if (fact instanceof CaseFact.StatusChanged s) {
            CaseRecord c = cases.find(s.caseId()).orElseThrow();
            status(c.kind(), s.status(), c, s.id(), v);
            date(s.date(), c.steps().get(0).date(), today, v);
            if (personal && c.erased()) v.add(new Violation("/personal", "the case's personal data was erased; none can be added"));
        } else {
            CaseFact.Erased e = (CaseFact.Erased) fact;
            CaseRecord c = cases.find(e.caseId()).orElseThrow();
            if (c.erased() && !c.erasure().entryId().equals(e.id())) {
                v.add(new Violation("", "the case's personal data was already erased by entry " + c.erasure().entryId()));
            }
        }
        return v;
    }

    private void known(String kind, String id, String at, List<Violation> v) {
        if (id == null) return;
        boolean found = kind.equals("source") ? figures.source(id, Long.MAX_VALUE).isPresent()
                : figures.place(id, Long.MAX_VALUE).isPresent();
        if (!found) v.add(new Violation(at, "unknown " + kind + ": " + id));
    }

    /** A retry of the same entry ({@code entryId}) is no second arrival; the ledger answers it. */
    private static void status(CaseKind kind, String status, CaseRecord c, String entryId, List<Violation> v) {
        if (kind == null || status == null) return;
        if (!kind.statuses().contains(status)) {
            v.add(new Violation("/status", "must be one of " + kind.statuses() + " for a " + kind.wire() + " case"));
            return;
        }
        if (c != null && c.steps().stream().anyMatch(s -> s.status().equals(status) && !s.entryId().equals(entryId))) {
            v.add(new Violation("/status", "the case already reached " + status));
        }
    }

    private static void date(LocalDate date, LocalDate opened, LocalDate today, List<Violation> v) {
        if (date == null) return;
        if (date.isBefore(EARLIEST) || date.isAfter(today)) v.add(new Violation("/date", "must lie between 1900-01-01 and today (" + today + ")"));
        else if (opened != null && date.isBefore(opened)) v.add(new Violation("/date", "must not be before the case was opened (" + opened + ")"));
    }
}
