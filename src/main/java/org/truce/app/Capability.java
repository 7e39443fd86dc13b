package org.truce.app;

import java.util.Set;
import org.truce.ledger.Ledger;

/**
 * One capability as the node assembles it: the entry types it owns (their prefixes are its own),
 * the projection that folds them, and the other capabilities' types it derives from (the figures
 * derived from cases, say). Registered once, in {@link Truce}; its routes are its route group in
 * {@code org.truce.web}. Immutable.
 */
public record Capability(String name, Set<String> entryTypes, Ledger.Listener projection, Set<String> derivesFrom) {
    public Capability {
        entryTypes = Set.copyOf(entryTypes);
        derivesFrom = Set.copyOf(derivesFrom);
    }

    public Capability(String name, Set<String> entryTypes, Ledger.Listener projection) {
        this(name, entryTypes, projection, Set.of());
    }

    /** The part of an entry type before its first dot: {@code case} of {@code case.opened}. */
    public static String prefix(String entryType) {
        int dot = entryType.indexOf('.');
        return dot < 0 ? entryType : entryType.substring(0, dot);
    }
}
