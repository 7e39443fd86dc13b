package org.truce.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.AppendResult;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;

/**
 * Records facts of the figures capability: checks them against the record ({@link FactRules}) and
 * appends them to the ledger as one all-or-nothing request. Thread-safe.
 */
public final class Recorder {
    private final Ledger ledger;
    private final FactRules rules;
    private final Clock clock;

    public Recorder(Ledger ledger, FigureBook book, Clock clock) {
        this.ledger = ledger;
        this.rules = new FactRules(book);
        this.clock = clock;
    }

    /** What became of a request. */
    public sealed interface Outcome {
        record Refused(List<Violation> violations) implements Outcome {}

        record Done(AppendResult result) implements Outcome {}
    }

    /**
     * @param pointers the JSON pointer of each fact in the request ("" for a single object)
     */
    public Outcome record(List<Fact> facts, List<String> pointers, String author) {
        LocalDate today = LocalDate.now(clock);
        List<Violation> violations = new ArrayList<>();
        java.util.Set<String> pending = new java.util.HashSet<>();
        for (Fact f : facts) {
            if (f instanceof Fact.SourceDeclared s) pending.add("source:" + s.source().id());
            else if (f instanceof Fact.MetricDeclared m) pending.add("metric:" + m.metric().id());
            else if (f instanceof Fact.PlaceDeclared p) pending.add("place:" + p.place().id());
        }
        for (int i = 0; i < facts.size(); i++) violations.addAll(rules.check(facts.get(i), today, pointers.get(i), pending));
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        List<Draft> drafts = new ArrayList<>(facts.size());
        for (Fact f : facts) drafts.add(new Draft(f.type(), author, f.clientId(), FactWriter.write(f)));
        return new Outcome.Done(ledger.append(drafts));
    }

    public Outcome record(Fact fact, String author) {
        return record(List.of(fact), List.of(""), author);
    }
}
