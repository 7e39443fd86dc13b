package org.truce.figures;

import org.truce.catalog.Lookalikes;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Source;
import org.truce.record.Reading;
import org.truce.record.Violation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The input rules that depend on what the record already holds: references must name declared
 * sources, metrics, places and reports; a breakdown must belong to its metric and not exceed the
 * value; dates must lie between 1900 and today; a correction or retraction must come from the source
 * of the report it replaces and name its current version. Thread-safe; reads the book only.
 */
public final class FactRules {
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private final FigureBook book;

    public FactRules(FigureBook book) {
        this.book = book;
    }

    public List<Violation> check(Fact fact, LocalDate today, String at) {
        return check(fact, today, at, Set.of());
    }

    /**
     * @param pending catalog items declared earlier in the same request, as "source:id", "metric:id"
     *                or "place:id"; they may be referred to (places that overlap each other, say)
     */
    public List<Violation> check(Fact fact, LocalDate today, String at, Set<String> pending) {
        return new Check(today, pending).run(fact, at);
    }

    /** Places whose parent chain (through this request and the record) comes back to them. */
    public List<Violation> parentCycles(List<Fact> facts, List<String> pointers) {
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        for (Fact f : facts) {
            if (f instanceof Fact.PlaceDeclared p && p.place().parent() != null) parents.put(p.place().id(), p.place().parent());
        }
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            if (!(facts.get(i) instanceof Fact.PlaceDeclared p) || p.place().parent() == null) continue;
            String at = p.place().parent();
            for (int step = 0; at != null && step < 10_000; step++) {
                if (at.equals(p.place().id())) {
                    v.add(new Violation(pointers.get(i) + "/parent", "would make a cycle: " + p.place().id()
                            + " would be its own ancestor"));
                    break;
                }
                String next = parents.get(at);
                at = next != null ? next : book.place(at, Long.MAX_VALUE).map(Place::parent).orElse(null);
            }
        }
        return v;
    }

    /**
     * New sources and places whose id or name looks like another source's or place's
     * ({@link Lookalikes}): against the record, and against the items before them in this request.
     */
    public List<Violation> lookalikes(List<Fact> facts, List<String> pointers) {
        List<Violation> v = new ArrayList<>();
        Lookalikes sources = null;
        Lookalikes places = null;
        for (int i = 0; i < facts.size(); i++) {
            String at = pointers.get(i);
            String where = " declared at " + (at.isEmpty() ? "/" : at) + " of this request";
            List<Lookalikes.Name> names;
            Lookalikes held;
            if (facts.get(i) instanceof Fact.SourceDeclared s) {
                if (sources == null) sources = Lookalikes.ofSources(book.sources(Long.MAX_VALUE));
                held = sources;
                names = Lookalikes.names(s.source(), "source " + s.source().id() + where);
            } else if (facts.get(i) instanceof Fact.PlaceDeclared p) {
                if (places == null) places = Lookalikes.ofPlaces(book.places(Long.MAX_VALUE));
                held = places;
                names = Lookalikes.names(p.place(), "place " + p.place().id() + where);
            } else {
                continue;
            }
            for (Lookalikes.Clash c : held.clashes(names)) v.add(new Violation(at + c.added().field(), c.reason()));
            held.hold(names);
        }
        return v;
    }

    /** One check of one fact; collects its violations. */
    private final class Check {
        private final LocalDate today;
        private final Set<String> pending;
        private final List<Violation> v = new ArrayList<>();

        Check(LocalDate today, Set<String> pending) {
            this.today = today;
            this.pending = pending;
        }

        List<Violation> run(Fact fact, String at) {
            if (fact instanceof Fact.ReportFiled f) report(f.report(), at);
            else if (fact instanceof Fact.ReportRetracted r) retraction(r.retraction(), at);
            else if (fact instanceof Fact.ReportReviewed r) review(r.decision(), at);
            else if (fact instanceof Fact.SourceDeclared s) source(s.source(), at);
            else if (fact instanceof Fact.MetricDeclared m) metric(m.metric(), at);
            else if (fact instanceof Fact.MetricAmended m) amendment(m, at);
            else if (fact instanceof Fact.UnitDeclared u) unit(u.unit(), at);
            else if (fact instanceof Fact.AliasDeclared a) alias(a.alias(), at);
            else if (fact instanceof Fact.MappingSaved m) mapping(m.mapping(), at);
            else if (fact instanceof Fact.PlaceDeclared p) place(p.place(), at);
            return v;
        }

        private boolean known(String kind, String id) {
            if (pending.contains(kind + ":" + id)) return true;
            long n = Long.MAX_VALUE;
            return switch (kind) {
                case "source" -> book.source(id, n).isPresent();
                case "metric" -> book.metric(id, n).isPresent();
                case "unit" -> org.truce.catalog.Unit.BUILT_IN.contains(id) || book.unit(id, n).isPresent();
                default -> book.place(id, n).isPresent();
            };
        }

        private void require(String kind, String id, String at) {
            if (id != null && !known(kind, id)) v.add(new Violation(at, "unknown " + kind + ": " + id));
        }

        private void report(Report r, String at) {
            require("metric", r.metric(), at + "/metric");
            require("source", r.source(), at + "/source");
            require("place", r.place(), at + "/place");
            Optional<Metric> metric = book.metric(r.metric(), Long.MAX_VALUE);
            for (var e : r.breakdown().entrySet()) {
                String p = at + "/breakdown/" + Reading.escape(e.getKey());
                if (metric.isPresent() && !metric.get().breakdowns().contains(e.getKey())) {
                    v.add(new Violation(p, "is not a breakdown of metric " + r.metric() + " (allowed: " + metric.get().breakdowns() + ")"));
                } else if (e.getValue().compareTo(r.value()) > 0) {
                    v.add(new Violation(p, "(" + e.getValue().toPlainString() + ") must not exceed the value ("
                            + r.value().toPlainString() + ")"));
                }
            }
            date(r.asOf(), at + "/asOf");
            if (r.since() != null) date(r.since(), at + "/since");
            if (r.document() != null && r.document().date() != null) date(r.document().date(), at + "/document/date");
            if (r.corrects() != null) replaces(r.corrects(), r.id(), r.source(), at + "/corrects");
        }

        private void retraction(Retraction r, String at) {
            require("source", r.source(), at + "/source");
            replaces(r.retracts(), r.id(), r.source(), at + "/retracts");
        }

        /** Only a report that awaits review can be confirmed or rejected, once; naming the same decision again is a retry. */
        private void review(ReviewDecision d, String at) {
            Optional<Filed> held = book.report(d.report());
            if (held.isEmpty()) {
                v.add(new Violation(at + "/report", "names no report in the record: " + d.report()));
                return;
            }
            Filed f = held.get();
            if (d.id().equals(f.confirmedBy()) || d.id().equals(f.endedBy())) return;
            if (!f.awaitingReview()) {
                String state = f.confirmedBy() != null ? "was confirmed by " + f.confirmedBy()
                        : !f.current() ? "was replaced, withdrawn or rejected by " + f.endedBy()
                        : "needs no review";
                v.add(new Violation(at + "/report", "report " + d.report() + " does not await review: it " + state));
                return;
            }
            String corrects = f.report().corrects();
            if (d.verdict() == ReviewDecision.Verdict.CONFIRMED && corrects != null) {
                Optional<Filed> old = book.report(corrects);
                if (old.isPresent() && !old.get().current()) {
                    v.add(new Violation(at + "/report", "report " + d.report() + " corrects " + corrects + ", which "
                            + old.get().endedBy() + " replaced meanwhile; reject it, and correct the current version"));
                }
            }
        }

        private void source(Source s, String at) {
            require("source", s.partOf(), at + "/partOf");
            for (int i = 0; i < s.reportsOn().size(); i++) require("metric", s.reportsOn().get(i), at + "/reportsOn/" + i);
        }

        private void unit(org.truce.catalog.Unit u, String at) {
            if (org.truce.catalog.Unit.BUILT_IN.contains(u.id())) {
                v.add(new Violation(at + "/id", "is a built-in unit (" + new java.util.TreeSet<>(org.truce.catalog.Unit.BUILT_IN) + "); choose another id"));
            }
        }

        private void metric(Metric m, String at) {
            if (m.unit() != null && !known("unit", m.unit())) {
                v.add(new Violation(at + "/unit", "names no unit: " + m.unit() + "; use a built-in one ("
                        + new java.util.TreeSet<>(org.truce.catalog.Unit.BUILT_IN) + ") or declare it (POST /api/v1/units)"));
            }
            for (int i = 0; i < m.breakdowns().size(); i++) {
                if (!m.breakdowns().get(i).matches("[a-z][a-z0-9_]{0,63}")) {
                    v.add(new Violation(at + "/breakdowns/" + i, "must be a lowercase name such as children"));
                }
            }
        }

        /**
         * An amendment makes the next version (or repeats one already recorded, a retry); it keeps the
         * unit, since reports already recorded were counted in it, and drops no breakdown they may give.
         */
        private void amendment(Fact.MetricAmended a, String at) {
            Metric m = a.metric();
            metric(m, at);
            int held = book.metricRevisions(m.id());
            if (held == 0) {
                v.add(new Violation(at + "/id", "names no declared metric: " + m.id() + "; declare it first (without revision)"));
                return;
            }
            if (a.revision() <= held) {
                if (!book.metricRevision(m.id(), a.revision()).map(m::equals).orElse(false)) {
                    v.add(new Violation(at + "/revision", "version " + a.revision() + " of " + m.id() + " is recorded with other content; the next version is " + (held + 1)));
                }
                return;
            }
            if (a.revision() != held + 1) {
                v.add(new Violation(at + "/revision", "must be " + (held + 1) + ", the next version of " + m.id()));
                return;
            }
            Metric current = book.metricRevision(m.id(), held).orElseThrow();
            if (!current.unit().equals(m.unit())) {
                v.add(new Violation(at + "/unit", "must stay " + current.unit() + ": the reports already recorded were counted in it"));
            }
            for (String b : current.breakdowns()) {
                if (!m.breakdowns().contains(b)) v.add(new Violation(at + "/breakdowns", "must keep " + b + ": reports may give it; add breakdowns, never drop one"));
            }
        }

        /** An alias names a declared item and, once declared, always the same one. */
        private void alias(org.truce.catalog.Alias a, String at) {
            require(a.kind().wire(), a.id(), at + "/id");
            book.alias(a.key()).filter(held -> !held.id().equals(a.id())).ifPresent(held -> v.add(new Violation(at + "/alias",
                    "is already an alias of the " + a.kind().wire() + " " + held.id() + " (as \"" + held.label() + "\"); an alias always names one item")));
        }

        /** A save makes the next revision of its mapping (or repeats one already recorded, a retry). */
        private void mapping(SheetMapping m, String at) {
            int held = book.mappingRevisions(m.name());
            if (m.revision() <= held) {
                if (!book.mappingRevision(m.name(), m.revision()).map(m::equals).orElse(false)) {
                    v.add(new Violation(at + "/revision", "revision " + m.revision() + " of the mapping " + m.name()
                            + " is saved with other columns; the next revision is " + (held + 1)));
                }
            } else if (m.revision() != held + 1) {
                v.add(new Violation(at + "/revision", held == 0 ? "must be 1 (or absent): no mapping " + m.name() + " is saved yet"
                        : "must be " + (held + 1) + ", the next revision of the mapping " + m.name()));
            }
        }

        private void place(Place p, String at) {
            require("place", p.parent(), at + "/parent");
            require("source", p.administration(), at + "/administration");
            for (int i = 0; i < p.overlaps().size(); i++) require("place", p.overlaps().get(i), at + "/overlaps/" + i);
            for (int i = 0; i < p.names().size(); i++) {
                List<String> usedBy = p.names().get(i).usedBy();
                for (int j = 0; j < usedBy.size(); j++) {
                    String who = usedBy.get(j);
                    if (!PlaceName.COMMON.equals(who) && !known("source", who)) {
                        v.add(new Violation(at + "/names/" + i + "/usedBy/" + j, "names no declared source (nor \"common\"): " + who));
                    }
                }
            }
        }

        /** {@code by} is the id of the correcting or retracting entry: naming it again is an idempotent retry. */
        private void replaces(String id, String by, String source, String at) {
            Optional<Filed> old = book.report(id);
            if (old.isEmpty()) {
                v.add(new Violation(at, "names no report in the record: " + id));
            } else if (!old.get().current() && !by.equals(old.get().endedBy())) {
                v.add(new Violation(at, "report " + id + " was already replaced or withdrawn by " + old.get().endedBy()
                        + "; correct or retract the current version"));
            } else if (!old.get().report().source().equals(source)) {
                v.add(new Violation(at, "report " + id + " is " + old.get().report().source()
                        + "'s; only the same source can correct or retract it"));
            }
        }

        private void date(LocalDate d, String at) {
            if (d.isAfter(today)) v.add(new Violation(at, "must not be in the future (today is " + today + ")"));
            else if (d.isBefore(EARLIEST)) v.add(new Violation(at, "must not be before 1900-01-01"));
        }
    }
}
