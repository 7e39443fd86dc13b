package org.truce.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.truce.figures.DatePrecision;
import org.truce.figures.DerivedReports;
import org.truce.figures.Qualifier;
import org.truce.figures.Report;
import org.truce.figures.ReportKind;
import org.truce.ledger.Entry;

/**
 * Counts case records as figures in the name of the body that keeps them: an exchange adds one to
 * {@value #EXCHANGED}, a recovery one to {@value #RECOVERED}; a missing person's case adds one to
 * {@value #MISSING_OPEN} when reported and takes it away when the person is found. Each count is an
 * increment report dated by the status date, so it follows the figures' as-of and known-at rules.
 * Stateless and thread-safe.
 */
public final class CaseFigures implements DerivedReports {
    public static final String EXCHANGED = "detainees_exchanged";
    public static final String RECOVERED = "remains_recovered";
    public static final String MISSING_OPEN = "missing_persons_open";

    @Override
    public List<Report> reportsOf(Entry entry) {
        if (!entry.type().equals(CaseFact.OPENED) && !entry.type().equals(CaseFact.STATUS)) return List.of();
        CaseFact fact = CaseReader.fromLedger(entry.type(), entry.payload());
        if (fact instanceof CaseFact.Opened o) return count(o.id(), o.kind(), o.status(), o.date(), o.place(), o.source());
        CaseFact.StatusChanged s = (CaseFact.StatusChanged) fact;
        return count(s.id(), s.kind(), s.status(), s.date(), s.place(), s.source());
    }

    private static List<Report> count(String entryId, CaseKind kind, String status, LocalDate date, String place, String source) {
        String metric = null;
        BigDecimal delta = BigDecimal.ONE;
        if (kind == CaseKind.DETAINEE && status.equals("exchanged")) metric = EXCHANGED;
        else if (kind == CaseKind.REMAINS && status.equals("recovered")) metric = RECOVERED;
        else if (kind == CaseKind.MISSING && status.equals("reported")) metric = MISSING_OPEN;
        else if (kind == CaseKind.MISSING && status.equals("found")) {
            metric = MISSING_OPEN;
            delta = BigDecimal.ONE.negate();
        }
        if (metric == null) return List.of();
        return List.of(new Report("case:" + entryId, metric, ReportKind.INCREMENT, delta, Qualifier.EXACT, Map.of(), date,
                DatePrecision.DAY, null, place, source, null, null, null));
    }
}
