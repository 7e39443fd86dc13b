package org.truce.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Refusals counted in memory per action, client address and minute, so that a flood of them becomes
 * one audit record per client and minute instead of one per request. The audit chain is immutable, so
 * a count is never updated in place: it is written once, when its minute has closed ({@link #takeBefore}).
 *
 * <p>Memory is bounded whatever the flood: each tally keeps its first {@value #TARGETS} distinct targets,
 * and at most {@value #MAX_TALLIES} tallies are open; refusals from further addresses are counted under
 * {@link #OTHERS}. Thread-safe: every method holds the instance lock for a few map operations.
 */
final class RefusalTally {
    static final int TARGETS = 5;
    static final int MAX_TALLIES = 1_000;
    /** The address a refusal is counted under when {@value #MAX_TALLIES} tallies are already open. */
    static final String OTHERS = "(other addresses)";

    /** One minute's refusals of one action from one address. */
    record Count(String action, String address, Instant minute, long count, List<String> targets, boolean moreTargets) {}

    private record Key(String action, String address, Instant minute) {}

    private static final class Open {
        long count;
        final Set<String> targets = new LinkedHashSet<>();
        boolean more;
    }

    private final Map<Key, Open> open = new LinkedHashMap<>();
    private volatile Instant oldest;

    /** Counts one refusal at {@code at}; {@code target} and {@code address} may be null. */
    synchronized void add(String action, String target, String address, Instant at) {
        Objects.requireNonNull(action, "action");
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        Key key = new Key(action, address, minute);
        if (!open.containsKey(key) && open.size() >= MAX_TALLIES) key = new Key(action, OTHERS, minute);
        Open tally = open.computeIfAbsent(key, k -> new Open());
        tally.count++;
        if (target != null && !tally.targets.contains(target)) {
            if (tally.targets.size() < TARGETS) tally.targets.add(target);
            else tally.more = true;
        }
        if (oldest == null || minute.isBefore(oldest)) oldest = minute;
    }

    /** Whether a tally of a minute before {@code minute} is open; lock-free, so every request may ask. */
    boolean holdsBefore(Instant minute) {
        Instant o = oldest;
        return o != null && o.isBefore(minute);
    }

    /** Removes and returns the tallies of minutes before {@code minute} (closed minutes), oldest first. */
    synchronized List<Count> takeBefore(Instant minute) {
        List<Count> taken = new ArrayList<>();
        Instant left = null;
        for (Iterator<Map.Entry<Key, Open>> i = open.entrySet().iterator(); i.hasNext(); ) {
            Map.Entry<Key, Open> e = i.next();
            Key k = e.getKey();
            if (k.minute().isBefore(minute)) {
                Open o = e.getValue();
                taken.add(new Count(k.action(), k.address(), k.minute(), o.count, List.copyOf(o.targets), o.more));
                i.remove();
            } else if (left == null || k.minute().isBefore(left)) {
                left = k.minute();
            }
        }
        oldest = left;
        taken.sort(java.util.Comparator.comparing(Count::minute));
        return taken;
    }

    /** Removes and returns every tally, the current minute's included (on shutdown). */
    List<Count> takeAll() {
        return takeBefore(Instant.MAX);
    }
}
