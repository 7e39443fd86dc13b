package org.truce.accords;

import org.truce.record.Outcome;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.truce.catalog.Catalog;
import org.truce.record.Violation;
import org.truce.ledger.Draft;
import org.truce.ledger.Ledger;
import org.truce.catalog.MapFeatures;

/**
 * Records accords facts: checks a whole request ({@link AccordRules}) and appends it as one
 * all-or-nothing batch. Requests run one at a time across every node ({@link Ledger#exclusively}), so a check and its append cannot interleave with
 * another's (accords writes are few). Thread-safe.
 */
public final class AccordRecorder {
    private final Ledger ledger;
    private final AccordRules rules;
    private final Clock clock;

    public AccordRecorder(Ledger ledger, AccordBook book, Catalog catalog, MapFeatures map, Clock clock) {
        this.ledger = ledger;
        this.rules = new AccordRules(book, catalog, map, ledger);
        this.clock = clock;
    }

    /** @param pointers the JSON pointer of each fact in the request ("" for a single object) */
    public Outcome record(List<AccordFact> facts, List<String> pointers, String author) {
        return ledger.exclusively(() -> checkAndAppend(facts, pointers, author));
    }

    private Outcome checkAndAppend(List<AccordFact> facts, List<String> pointers, String author) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            Integer first = ids.putIfAbsent(facts.get(i).id(), i);
            if (first != null) violations.add(new Violation(pointers.get(i) + "/id", "repeats the id of " + pointers.get(first)));
        }
        violations.addAll(rules.check(facts, pointers, LocalDate.now(clock)));
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        List<Draft> drafts = new ArrayList<>(facts.size());
        for (AccordFact f : facts) drafts.add(new Draft(f.type(), author, f.id(), AccordWriter.write(f)));
        return new Outcome.Done(ledger.append(drafts));
    }

    public Outcome record(AccordFact fact, String author) {
        return record(List.of(fact), List.of(""), author);
    }
}
