package org.truce.accords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.truce.catalog.Catalog;
import org.truce.ledger.Entry;
import org.truce.ledger.Ledger;
import org.truce.record.Violation;
import org.truce.catalog.MapFeatures;

/**
 * Checks accords facts against the record: every source, place, metric, map feature, agreement,
 * provision, obligation, group and cited entry they name is known (or declared earlier in the same
 * request); dates lie between 1900 and today; a status change cites its evidence. Stateless over the
 * projections it reads.
 */
final class AccordRules {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /**
     * The entry types an assessment may cite as evidence of implementation: what a body reported
     * (figures, incidents with their claims and monitoring steps and findings, nil reports, map
     * geometries and statuses), the texts agreed (agreements and their language versions), and what
     * happened (meetings, events). Not evidence: catalog declarations, obligations, deadline
     * amendments, other assessments, groups, tasks, remit claims, duplicate links, and personal-data
     * cases (restricted; never cited in public outputs). Documents are cited as evidence.document.
     */
    static final Set<String> EVIDENCE_KINDS = Set.of("report.filed", "incident.alleged", "incident.claim", "incident.step",
            "nil.reported", "geometry.recorded", "status.reported", AccordFact.AGREEMENT, AccordFact.VERSION,
            AccordFact.MEETING, AccordFact.EVENT);
    private final AccordBook book;
    private final Catalog catalog;
    private final MapFeatures map;
    private final Ledger ledger;
    /** Point numbers of agreements declared earlier in the request being checked (the recorder checks one at a time). */
    private final java.util.Map<String, Set<Integer>> pendingPoints = new java.util.HashMap<>();

    AccordRules(AccordBook book, Catalog catalog, MapFeatures map, Ledger ledger) {
        this.book = book;
        this.catalog = catalog;
        this.map = map;
        this.ledger = ledger;
    }

    /** Violations of a whole request; facts may refer to what an earlier fact of the request declares. */
    List<Violation> check(List<AccordFact> facts, List<String> pointers, LocalDate today) {
        long size = Long.MAX_VALUE;
        Set<String> agreements = book.ids(AccordFact.AgreementDeclared.class, size);
        Set<String> obligations = book.ids(AccordFact.ObligationSet.class, size);
        Set<String> groups = book.ids(AccordFact.GroupFormed.class, size);
        java.util.Map<String, String> pending = new java.util.HashMap<>();
        pendingPoints.clear();
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            AccordFact f = facts.get(i);
            String at = pointers.get(i);
            check(f, at, today, agreements, obligations, groups, pending, v);
            if (f instanceof AccordFact.AgreementDeclared a) {
                agreements.add(a.id());
                Set<Integer> numbers = new HashSet<>();
                a.provisions().forEach(p -> numbers.add(p.number()));
                pendingPoints.put(a.id(), numbers);
            }
            if (f instanceof AccordFact.ObligationSet) obligations.add(f.id());
            if (f instanceof AccordFact.GroupFormed) groups.add(f.id());
            pending.putIfAbsent(f.id(), f.type());
        }
        return v;
    }

    private void check(AccordFact f, String at, LocalDate today, Set<String> agreements, Set<String> obligations,
                       Set<String> groups, java.util.Map<String, String> pending, List<Violation> v) {
        if (f instanceof AccordFact.AgreementDeclared a) {
            sources(a.signatories(), at + "/signatories", v);
            date(a.date(), at + "/date", today, v);
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < a.provisions().size(); i++) {
                if (!numbers.add(a.provisions().get(i).number())) v.add(new Violation(at + "/provisions/" + i + "/number", "repeats a point number"));
            }
        } else if (f instanceof AccordFact.VersionPublished ver) {
            Set<Integer> points = provisions(ver.agreement(), at + "/agreement", agreements, pending, v);
            if (ver.publisher() != null) source(ver.publisher(), at + "/publisher", v);
            for (int i = 0; i < ver.points().size(); i++) {
                int n = ver.points().get(i).number();
                if (points != null && !points.contains(n)) v.add(new Violation(at + "/points/" + i + "/number", "the agreement has no point " + n));
            }
        } else if (f instanceof AccordFact.ObligationSet o) {
            Set<Integer> points = provisions(o.agreement(), at + "/agreement", agreements, pending, v);
            if (points != null && !points.contains(o.provision())) v.add(new Violation(at + "/provision", "the agreement has no point " + o.provision()));
            sources(o.who(), at + "/who", v);
            for (int i = 0; i < o.places().size(); i++) {
                if (catalog.place(o.places().get(i), Long.MAX_VALUE).isEmpty()) v.add(new Violation(at + "/places/" + i, "unknown place: " + o.places().get(i)));
            }
            for (int i = 0; i < o.metrics().size(); i++) {
                if (catalog.metric(o.metrics().get(i), Long.MAX_VALUE).isEmpty()) v.add(new Violation(at + "/metrics/" + i, "unknown metric: " + o.metrics().get(i)));
            }
            for (int i = 0; i < o.features().size(); i++) {
                if (map.feature(o.features().get(i), Long.MAX_VALUE).isEmpty()) v.add(new Violation(at + "/features/" + i, "unknown map feature: " + o.features().get(i)));
            }
            known(o.groups(), groups, at + "/groups", "working group", v);
            if (o.deadline() != null && o.deadline().date() != null && o.deadline().date().getYear() < 1900) {
                v.add(new Violation(at + "/deadline/date", "must not be before 1900"));
            }
        } else if (f instanceof AccordFact.EventHappened e) {
            date(e.date(), at + "/date", today, v);
            known(e.fulfils(), obligations, at + "/fulfils", "obligation", v);
            source(e.source(), at + "/source", v);
        } else if (f instanceof AccordFact.DeadlineAmended a) {
            known(List.of(a.obligation()), obligations, at + "/obligation", "obligation", v);
            date(a.agreedOn(), at + "/agreedOn", today, v);
            source(a.source(), at + "/source", v);
            if (a.agreement() != null && !agreements.contains(a.agreement())) v.add(new Violation(at + "/agreement", "unknown agreement: " + a.agreement()));
        } else if (f instanceof AccordFact.StatusAssessed s) {
            known(List.of(s.obligation()), obligations, at + "/obligation", "obligation", v);
            source(s.assessor(), at + "/assessor", v);
            date(s.date(), at + "/date", today, v);
            // Peace Accords Matrix: a status is a coded judgement of evidence; one without it is refused
            if (s.evidence().empty()) {
                v.add(new Violation(at + "/evidence", "is required: a status change must cite its evidence (ledger entry ids of reports, incidents or meetings, or a document)"));
            }
            for (int i = 0; i < s.evidence().entries().size(); i++) {
                String problem = evidence(s, s.evidence().entries().get(i), pending);
                if (problem != null) v.add(new Violation(at + "/evidence/entries/" + i, problem));
            }
        } else if (f instanceof AccordFact.GroupFormed g) {
            if (g.parent() != null) known(List.of(g.parent()), groups, at + "/parent", "working group", v);
            if (g.agreement() != null && !agreements.contains(g.agreement())) v.add(new Violation(at + "/agreement", "unknown agreement: " + g.agreement()));
            date(g.date(), at + "/date", today, v);
            for (int i = 0; i < g.coChairs().size(); i++) source(g.coChairs().get(i).source(), at + "/coChairs/" + i + "/source", v);
            sources(g.members(), at + "/members", v);
        } else if (f instanceof AccordFact.MeetingHeld m) {
            if (m.group() != null) known(List.of(m.group()), groups, at + "/group", "working group", v);
            source(m.source(), at + "/source", v);
            sources(m.participants(), at + "/participants", v);
            known(m.fulfils(), obligations, at + "/fulfils", "obligation", v);
            date(m.date(), at + "/date", today, v);
        } else if (f instanceof AccordFact.TaskSet t) {
            known(List.of(t.group()), groups, at + "/group", "working group", v);
            // a task is owned by a body or by a group (a subgroup's project list)
            if (!groups.contains(t.owner())) source(t.owner(), at + "/owner", v);
        } else {
            AccordFact.RemitClaimed c = (AccordFact.RemitClaimed) f;
            known(List.of(c.group()), groups, at + "/group", "working group", v);
            source(c.source(), at + "/source", v);
        }
    }

    /** Why ledger entry {@code id} cannot be evidence of the assessment {@code s}, or null when it can. */
    private String evidence(AccordFact.StatusAssessed s, String id, java.util.Map<String, String> pending) {
        if (id.equals(s.obligation())) return "is the assessed obligation itself, not evidence of its implementation";
        if (id.equals(s.id())) return "is this assessment itself, not evidence";
        String type = pending.get(id);
        if (type == null) type = book.type(id, Long.MAX_VALUE).orElse(null);
        // reports, the bulk of a ledger, are not kept by the accords projection: the ledger finds them
        if (type == null) type = ledger.entry(id).map(Entry::type).orElse(null);
        if (type == null) return "no ledger entry " + id;
        if (!EVIDENCE_KINDS.contains(type)) {
            return "entry " + id + " is a " + type + " entry, not evidence: cite reports, incidents, claims, findings, nil reports,"
                    + " map reports, agreements or their versions, meetings or events, or a document";
        }
        return null;
    }

    /** The agreement's point numbers, or null (with a violation) when it is unknown. */
    private Set<Integer> provisions(String agreement, String at, Set<String> agreements, java.util.Map<String, String> pending, List<Violation> v) {
        if (agreement == null) return null;
        if (!agreements.contains(agreement)) {
            v.add(new Violation(at, "unknown agreement: " + agreement));
            return null;
        }
        var known = book.agreement(agreement, Long.MAX_VALUE);
        if (known.isEmpty()) return pendingPoints.get(agreement); // declared earlier in this request
        Set<Integer> out = new HashSet<>();
        known.get().provisions().forEach(p -> out.add(p.number()));
        return out;
    }

    private static void known(List<String> ids, Set<String> known, String at, String what, List<Violation> v) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && !known.contains(ids.get(i))) {
                v.add(new Violation(ids.size() == 1 && !at.endsWith("s") ? at : at + "/" + i, "unknown " + what + ": " + ids.get(i)));
            }
        }
    }

    private void sources(List<String> ids, String at, List<Violation> v) {
        for (int i = 0; i < ids.size(); i++) source(ids.get(i), at + "/" + i, v);
    }

    private void source(String id, String at, List<Violation> v) {
        if (id != null && catalog.source(id, Long.MAX_VALUE).isEmpty()) v.add(new Violation(at, "unknown source: " + id));
    }

    private static void date(LocalDate date, String at, LocalDate today, List<Violation> v) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(today))) {
            v.add(new Violation(at, "must lie between 1900-01-01 and today (" + today + ")"));
        }
    }
}
