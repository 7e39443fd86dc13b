package org.truce.places;

import org.truce.catalog.Feature;
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

/**
 * Records map facts: checks them ({@link MapRules}) and appends them as one all-or-nothing request.
 * Thread-safe.
 */
public final class MapRecorder {
    private final Ledger ledger;
    private final MapRules rules;
    private final Clock clock;

    public MapRecorder(Ledger ledger, MapBook map, Catalog catalog, Clock clock) {
        this.ledger = ledger;
        this.rules = new MapRules(map, catalog);
        this.clock = clock;
    }

    public Outcome record(List<MapFact> facts, List<String> pointers, String author) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Feature> pending = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            MapFact f = facts.get(i);
            violations.addAll(rules.check(f, pointers.get(i), pending, today));
            if (f instanceof MapFact.FeatureDeclared d) pending.put(d.feature().id(), d.feature());
            drafts.add(new Draft(f.type(), author, f.clientId(), MapWriter.write(f)));
        }
        if (!violations.isEmpty()) return new Outcome.Refused(violations);
        return new Outcome.Done(ledger.append(drafts));
    }
}
