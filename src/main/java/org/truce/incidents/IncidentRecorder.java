package org.truce.incidents;

import org.truce.record.Actor;
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
 * Records incident facts: completes a step's source from the recording organisation, checks every
 * fact ({@link IncidentRules}) against the record and the facts before it in the request, and
 * appends them as one all-or-nothing request. Requests run one at a time across every node ({@link Ledger#exclusively}), so a workflow check and
 * its append cannot interleave with another's. Thread-safe.
 */
public final class IncidentRecorder {
    private final Ledger ledger;
    private final IncidentBook book;
    private final IncidentRules rules;
    private final Clock clock;

    public IncidentRecorder(Ledger ledger, IncidentBook book, Catalog catalog, MapFeatures map, Clock clock) {
        this.ledger = ledger;
        this.book = book;
        this.rules = new IncidentRules(book, catalog, map);
        this.clock = clock;
    }

    public IncidentRules rules() {
        return rules;
    }

    /** @param pointers the JSON pointer of each fact in the request ("" for a single object) */
    public Outcome record(List<IncidentFact> facts, List<String> pointers, Actor actor) {
        return ledger.exclusively(() -> checkAndAppend(facts, pointers, actor));
    }

    private Outcome checkAndAppend(List<IncidentFact> facts, List<String> pointers, Actor actor) {
        LocalDate today = LocalDate.now(clock);
        List<IncidentFact> done = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<Violation> repeats = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            IncidentFact f = complete(facts.get(i), actor);
            String at = pointers.get(i);
            Integer first = ids.putIfAbsent(f.clientId(), i);
            if (first != null) {
                violations.add(new Violation(at + "/id", "repeats the id of " + pointers.get(first)));
                continue;
            }
            // a retry of an entry already in the ledger is the ledger's to answer (same content: 200; other: 409)
            if (!book.known(f.clientId())) {
                violations.addAll(rules.check(f, at, done, actor, today));
                if (f instanceof IncidentFact.NilReported n) {
                    var found = rules.repeatOf(n, at, done);
                    violations.addAll(found.wrong());
                    repeats.addAll(found.unmarked());
                }
            }
            done.add(f);
        }
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        if (!repeats.isEmpty()) return new Outcome.Refused(repeats, true);
        List<Draft> drafts = new ArrayList<>();
        for (IncidentFact f : done) drafts.add(new Draft(f.type(), actor.author(), f.clientId(), IncidentCodec.write(f)));
        return new Outcome.Done(ledger.append(drafts));
    }

    public Outcome record(IncidentFact fact, Actor actor) {
        return record(List.of(fact), List.of(""), actor);
    }

    /** A step taken without a named source is taken in the name of the recording organisation's source. */
    private static IncidentFact complete(IncidentFact f, Actor actor) {
        if (f instanceof IncidentFact.StepRecorded s && s.source() == null && actor.source() != null) {
            return new IncidentFact.StepRecorded(s.id(), s.incident(), s.step(), s.finding(), s.date(), actor.source(),
                    s.eventType(), s.subEventType(), s.counts(), s.note());
        }
        return f;
    }
}
