package org.truce.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.truce.catalog.Alias;
import org.truce.catalog.Alias.Kind;
import org.truce.catalog.Metric;
import org.truce.catalog.Place;
import org.truce.catalog.PlaceName;
import org.truce.catalog.Source;

/**
 * What a label in a sheet names in the catalog: an id as it is, a name of a source, metric or place
 * in any of its languages (every name a place has, whoever uses it), or an alias of the saved alias
 * table ("Karabakh", "NK" -> {@code nk}). A label that names two items is refused naming both, never
 * guessed. Built from one snapshot of the catalog; immutable; thread-safe.
 */
public final class Labels {
    private final Map<Kind, Set<String>> ids = new HashMap<>();
    private final Map<Kind, Map<String, Set<String>>> names = new HashMap<>();

    /**
     * @param aliases the alias table
     */
    public Labels(Collection<Source> sources, Collection<Metric> metrics, Collection<Place> places, Collection<Alias> aliases) {
        for (Kind k : Kind.values()) {
            ids.put(k, new java.util.HashSet<>());
            names.put(k, new HashMap<>());
        }
        for (Source s : sources) {
            ids.get(Kind.SOURCE).add(s.id());
            s.names().values().forEach(n -> name(Kind.SOURCE, n, s.id()));
            s.forms().values().forEach(f -> f.values().forEach(n -> name(Kind.SOURCE, n, s.id())));
        }
        for (Metric m : metrics) {
            ids.get(Kind.METRIC).add(m.id());
            m.names().values().forEach(n -> name(Kind.METRIC, n, m.id()));
        }
        for (Place p : places) {
            ids.get(Kind.PLACE).add(p.id());
            for (PlaceName n : p.names()) name(Kind.PLACE, n.name(), p.id());
        }
        for (Alias a : aliases) name(a.kind(), a.label(), a.id());
    }

    private void name(Kind kind, String name, String id) {
        String n = Words.normal(name);
        names.get(kind).computeIfAbsent(n, x -> new TreeSet<>()).add(id);
        if (n.startsWith("the ")) names.get(kind).computeIfAbsent(n.substring(4), x -> new TreeSet<>()).add(id);
    }

    /** Every item of {@code kind} the label names (as its id, or a name or alias); empty when none. */
    public Set<String> named(Kind kind, String label) {
        String t = label.trim();
        if (ids.get(kind).contains(t)) return Set.of(t);
        return Set.copyOf(names.get(kind).getOrDefault(Words.normal(t), Set.of()));
    }

    /**
     * @throws BadCell when the label names nothing of that kind, or more than one item
     */
    public String id(Kind kind, String label) {
        String t = label.trim();
        if (t.isEmpty()) throw new BadCell("is empty; a " + noun(kind) + " is required");
        if (ids.get(kind).contains(t)) return t;
        Set<String> found = names.get(kind).get(Words.normal(t));
        if (found == null) throw new BadCell("names no " + noun(kind) + " of the catalog: \"" + t + "\" (neither an id, nor a name"
                + " in a language of the record, nor a saved alias)");
        if (found.size() > 1) throw new BadCell("names " + found.size() + " " + noun(kind) + "s: \"" + t + "\" is a name of "
                + String.join(" and ", List.copyOf(found)) + "; write the id");
        return found.iterator().next();
    }

    private static String noun(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
