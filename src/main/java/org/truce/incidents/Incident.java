package org.truce.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One incident as known at a ledger size: the allegation that opened it, the allegations a verifier
 * linked to it as duplicates, every claim (each its own entry, never merged), and its workflow steps.
 * Its status is the result of its finding, or unverified until one exists. Immutable.
 */
public record Incident(Held<IncidentFact.Alleged> allegation, List<Held<IncidentFact.Alleged>> linked,
                       List<Held<IncidentFact.Linked>> links, List<Held<IncidentFact.Claimed>> claims,
                       List<Held<IncidentFact.StepRecorded>> steps) {
    public Incident {
        linked = List.copyOf(linked);
        links = List.copyOf(links);
        claims = List.copyOf(claims);
        steps = List.copyOf(steps);
    }

    public String id() {
        return allegation.fact().id();
    }

    /** The opening allegation first, then the linked ones in link order. */
    public List<Held<IncidentFact.Alleged>> allegations() {
        List<Held<IncidentFact.Alleged>> all = new ArrayList<>();
        all.add(allegation);
        all.addAll(linked);
        return all;
    }

    public Optional<Held<IncidentFact.StepRecorded>> finding() {
        return steps.stream().filter(s -> Workflow.FINDING.equals(s.fact().step())).findFirst();
    }

    /** confirmed, not_confirmed, inconclusive, could_not_access; unverified until a finding exists. */
    public String status() {
        return finding().map(s -> s.fact().finding()).orElse(Workflow.UNVERIFIED);
    }

    /** The last workflow step taken, or null when none. */
    public String currentStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).fact().step();
    }

    public boolean illustrative() {
        return allegations().stream().anyMatch(a -> a.fact().illustrative());
    }
}
