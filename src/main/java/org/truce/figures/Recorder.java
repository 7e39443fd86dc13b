package org.truce.figures;

import org.truce.record.RepeatsFound;
import org.truce.record.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;
import org.truce.record.Outcome;

/**
 * Records facts of the figures capability: checks them against the record ({@link FactRules}) and
 * appends them to the ledger as one all-or-nothing request. Thread-safe.
 */
public final class Recorder {
    private final Ledger ledger;
    private final FactRules rules;
    private final Repeats repeats;
    private final Clock clock;

    public Recorder(Ledger ledger, FigureBook book, Clock clock) {
        this.ledger = ledger;
        this.rules = new FactRules(book);
        this.repeats = new Repeats(book);
        this.clock = clock;
    }

    /**
     * @param pointers the JSON pointer of each fact in the request ("" for a single object)
     */
    public Outcome record(List<Fact> facts, List<String> pointers, String author) {
        List<Violation> violations = withinRequest(facts, pointers);
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        List<Draft> drafts = new ArrayList<>(facts.size());
        for (Fact f : facts) drafts.add(new Draft(f.type(), author, f.clientId(), FactWriter.write(f)));
        if (facts.stream().noneMatch(Recorder::replaces)) return checkAndAppend(facts, pointers, drafts);
        // "is it still the current version?" must not race another correction of the same report, on
        // this node or another: requests that correct or retract are checked and appended one at a time
        // (append returns only once the projection shows the result)
        return ledger.exclusively(() -> checkAndAppend(facts, pointers, drafts));
    }

    private Outcome checkAndAppend(List<Fact> facts, List<String> pointers, List<Draft> drafts) {
        Refusals r = refusals(facts, pointers);
        if (!r.rules().isEmpty()) return new Outcome.Refused(r.rules());
        if (!r.repeats().isEmpty()) return new Outcome.Refused(r.repeats(), true);
        return new Outcome.Done(ledger.append(drafts));
    }

    /**
     * The "check only" twin of {@link #record}: every reason the record would refuse these facts now
     * (within the request, the record's rules, unmarked repeats), all of them; appends nothing. A
     * dry run's answer: the record may change before the facts are recorded.
     */
    public List<Violation> check(List<Fact> facts, List<String> pointers) {
        List<Violation> violations = new ArrayList<>(withinRequest(facts, pointers));
        Refusals r = refusals(facts, pointers);
        violations.addAll(r.rules());
        violations.addAll(r.repeats());
        return violations;
    }

    /** Why the record refuses facts: its rules, and the repeats not marked as such (which the API answers apart, 409). */
    private record Refusals(List<Violation> rules, List<Violation> repeats) {}

    private Refusals refusals(List<Fact> facts, List<String> pointers) {
        LocalDate today = LocalDate.now(clock);
        Set<String> pending = new HashSet<>();
        for (Fact f : facts) {
            if (f instanceof Fact.SourceDeclared s) pending.add("source:" + s.source().id());
            else if (f instanceof Fact.MetricDeclared m) pending.add("metric:" + m.metric().id());
            else if (f instanceof Fact.PlaceDeclared p) pending.add("place:" + p.place().id());
            else if (f instanceof Fact.UnitDeclared u) pending.add("unit:" + u.unit().id());
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) violations.addAll(rules.check(facts.get(i), today, pointers.get(i), pending));
        violations.addAll(rules.parentCycles(facts, pointers));
        violations.addAll(rules.lookalikes(facts, pointers));
        RepeatsFound found = repeats.check(facts, pointers);
        violations.addAll(found.wrong());
        return new Refusals(violations, found.unmarked());
    }

    private static boolean replaces(Fact f) {
        return f instanceof Fact.ReportRetracted || f instanceof Fact.ReportReviewed
                || (f instanceof Fact.ReportFiled r && r.report().corrects() != null);
    }

    /** One request may not give one id two contents, nor replace one report twice. */
    private static List<Violation> withinRequest(List<Fact> facts, List<String> pointers) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> replaced = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            Integer first = ids.putIfAbsent(f.clientId(), i);
            if (first != null && !FactWriter.write(facts.get(first)).equals(FactWriter.write(f))) {
                violations.add(new Violation(pointers.get(i) + "/id", "repeats the id of " + pointers.get(first)
                        + " with different content"));
            }
            String target = f instanceof Fact.ReportRetracted r ? r.retraction().retracts()
                    : f instanceof Fact.ReportReviewed r ? "review:" + r.decision().report()
                    : f instanceof Fact.ReportFiled r && r.report().corrects() != null ? r.report().corrects() : null;
            if (target != null && (first == null)) {
                Integer other = replaced.putIfAbsent(target, i);
                if (other != null && f instanceof Fact.ReportReviewed r) {
                    violations.add(new Violation(pointers.get(i) + "/report", "report " + r.decision().report()
                            + " is also reviewed by " + pointers.get(other) + " in this request; decide once"));
                } else if (other != null) {
                    String field = f instanceof Fact.ReportRetracted ? "/retracts" : "/corrects";
                    violations.add(new Violation(pointers.get(i) + field, "report " + target + " is also replaced by "
                            + pointers.get(other) + " in this request; replace it once"));
                }
            }
        }
        return violations;
    }

    public Outcome record(Fact fact, String author) {
        return record(List.of(fact), List.of(""), author);
    }
}
