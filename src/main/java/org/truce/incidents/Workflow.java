package org.truce.incidents;

import java.util.List;
import java.util.Optional;

/**
 * The verification workflow of ceasefire monitoring bodies, step by step: an allegation is received,
 * reviewed, reported on by a monitoring team, given a finding, and noted by the joint body. Each
 * step follows the one before it, once. Stateless.
 */
public final class Workflow {
    public static final List<String> STEPS = List.of("received", "preliminary_review", "monitoring_team_report",
            "finding", "noted_by_joint_body");
    public static final String FINDING = "finding";
    /** The results a finding may have; an incident without one is unverified. */
    public static final List<String> FINDINGS = List.of("confirmed", "not_confirmed", "inconclusive", "could_not_access");
    public static final String UNVERIFIED = "unverified";

    private Workflow() {}

    /** The step that must come after {@code current} (null: none yet), or empty at the end. */
    public static Optional<String> next(String current) {
        int i = current == null ? -1 : STEPS.indexOf(current);
        return i + 1 < STEPS.size() ? Optional.of(STEPS.get(i + 1)) : Optional.empty();
    }
}
