package org.truce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.truce.accounts.Accounts;
import org.truce.accounts.Grant;
import org.truce.accounts.Organisation;
import org.truce.accounts.Principal;
import org.truce.accounts.Role;
import org.truce.figures.Fact;
import org.truce.figures.FigureBook;
import org.truce.figures.Filed;
import org.truce.catalog.Source;
import org.truce.record.Violation;
import org.truce.ledger.EntryCodec;
import org.truce.ledger.Ledger;

/**
 * In whose name a caller may write. A reporter speaks for its organisation's source and the bodies
 * that are part of it; a transcriber records what any body published, only with the document cited,
 * and may correct or retract only what its own organisation recorded. A custodian's grants name the
 * organisations whose cases it keeps. Reads the catalog and the ledger; thread-safe.
 */
final class InNameOf {
    private final FigureBook figures;
    private final Accounts accounts;
    private final Ledger ledger;

    InNameOf(FigureBook figures, Accounts accounts, Ledger ledger) {
        this.figures = figures;
        this.accounts = accounts;
        this.ledger = ledger;
    }

    /** True when {@code source} is {@code own} or part of it (partOf chain). */
    boolean within(String own, String source) {
        String s = source;
        for (int depth = 0; s != null && depth < 64; depth++) {
            if (s.equals(own)) return true;
            s = figures.source(s, Long.MAX_VALUE).map(Source::partOf).orElse(null);
        }
        return false;
    }

    boolean speaksFor(Principal p, String source) {
        return p.sourceId() != null && p.has(Role.REPORTER) && within(p.sourceId(), source);
    }

    /**
     * The rule for every accords fact that speaks in a body's name ({@code name} at {@code at}): a
     * reporter or a secretariat writes in its own organisation's source's name and the bodies part
     * of it; a transcriber in any body's name, citing the document that published it (403 at
     * {@code documentAt} otherwise); anyone else is refused (403 at {@code at}).
     */
    void accords(Principal p, String name, String at, boolean documented, String documentAt, List<Violation> v) {
        if (name == null) return; // the record's rules require it; nobody's name is used
        boolean own = p.sourceId() != null && (p.has(Role.REPORTER) || p.has(Role.SECRETARIAT)) && within(p.sourceId(), name);
        if (own) return;
        if (!p.has(Role.TRANSCRIBER)) {
            v.add(new Violation(at, "you may write only in the name of "
                    + (p.sourceId() == null ? "your organisation's source" : p.sourceId())
                    + " and the bodies part of it, not " + name
                    + "; recording what another body published needs the transcriber role and a cited document"));
        } else if (!documented) {
            v.add(new Violation(documentAt, "is required: a transcription of what " + name + " published must cite the document"));
        }
    }

    /** Whether one of the caller's custodian grants covers cases kept by {@code source}. */
    boolean keeps(Principal p, String source) {
        for (Grant g : p.grants()) {
            if (g.role() != Role.CUSTODIAN) continue;
            Optional<Organisation> org = accounts.organisation(g.scopeOrg());
            if (org.isPresent() && within(org.get().sourceId(), source)) return true;
        }
        return false;
    }

    /** The organisation of a custodian grant that covers {@code source}, for the audit trail. */
    String keeperOrg(Principal p, String source) {
        for (Grant g : p.grants()) {
            if (g.role() != Role.CUSTODIAN) continue;
            Optional<Organisation> org = accounts.organisation(g.scopeOrg());
            if (org.isPresent() && within(org.get().sourceId(), source)) return org.get().id();
        }
        return p.orgId();
    }

    /** Violations (answered 403) of reports and retractions the caller may not record. */
    List<Violation> reports(Principal p, List<Fact> facts, List<String> pointers) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            String at = pointers.get(i);
            if (f instanceof Fact.ReportFiled r) {
                var report = r.report();
                if (speaksFor(p, report.source())) continue;
                if (!p.has(Role.TRANSCRIBER)) {
                    v.add(new Violation(at + "/source", notYours(p, report.source())));
                } else if (report.document() == null) {
                    v.add(new Violation(at + "/document", "is required: a transcription of what " + report.source()
                            + " published must cite the document that carried it"));
                } else if (report.corrects() != null && !recordedByOwnOrg(p, report.corrects())) {
                    v.add(new Violation(at + "/corrects", "a transcriber may correct only what its own organisation recorded"));
                }
            } else if (f instanceof Fact.ReportRetracted r) {
                var retraction = r.retraction();
                if (speaksFor(p, retraction.source())) continue;
                if (!p.has(Role.TRANSCRIBER)) v.add(new Violation(at + "/source", notYours(p, retraction.source())));
                else if (!recordedByOwnOrg(p, retraction.retracts())) {
                    v.add(new Violation(at + "/retracts", "a transcriber may retract only what its own organisation recorded"));
                }
            }
        }
        return v;
    }

    private static String notYours(Principal p, String source) {
        String own = p.sourceId() == null ? "no source" : p.sourceId();
        return "you may report only in the name of " + own + " and the bodies part of it, not " + source
                + "; recording another body's published figures needs the transcriber role and a cited document";
    }

    private boolean recordedByOwnOrg(Principal p, String reportId) {
        Optional<Filed> filed = figures.report(reportId);
        if (filed.isEmpty()) return true; // unknown: the record's rules answer that one
        String author = EntryCodec.decode(ledger.read(filed.get().seq(), 1).get(0).bytes()).author();
        return author.startsWith(p.orgId() + "/");
    }
}
